using AmbassadorNet.Persistence.Pagination;

namespace AmbassadorNet.Campaigns.Api.Me;

/// <summary>
/// A creator's own invitations and enrollments. The request's scope already narrows every enrollment,
/// deliverable and post to the credential's creator (<see cref="ICreatorOwned"/>), so another creator's
/// id is simply not found; these endpoints only find the campaign the staff routes take in their path.
/// </summary>
internal static class MyEnrollmentEndpoints
{
    private static readonly KeysetOrder<Enrollment, DateTimeOffset> Newest = new("invited", e => e.InvitedAt, e => e.Id, descending: true);

    public static async Task<Ok<MyEnrollmentPage>> ListAsync(string? status, string? cursor, int? limit, CampaignsDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var wanted = status is null ? null : DraftMerge.Parse<EnrollmentStatus>(status, errors, "status");
        errors.Check(limit is null or >= 1 and <= KeysetPagination.MaxLimit, "limit", $"Between 1 and {KeysetPagination.MaxLimit}.");
        errors.ThrowIfAny();
        var query = db.Enrollments.AsNoTracking();
        query = wanted is { } s ? query.Where(e => e.Status == s) : query;
        var page = await query.ToPageAsync(Newest, cursor, limit ?? 50, ct);
        var ids = page.Items.Select(e => e.CampaignId).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return TypedResults.Ok(new MyEnrollmentPage([.. page.Items.Select(e => MyEnrollmentView.From(e, campaigns[e.CampaignId]))], page.NextCursor));
    }

    public static async Task<Ok<MyEnrollmentView>> GetAsync(Guid eid, CampaignsDbContext db, CancellationToken ct)
    {
        var enrollment = await LoadAsync(db, eid, ct);
        return TypedResults.Ok(MyEnrollmentView.From(enrollment, await db.LoadCampaignAsync(enrollment.CampaignId, ct)));
    }

    public static async Task<Ok<EnrollmentView>> AcceptAsync(Guid eid, CampaignsDbContext db, TimeProvider clock, CancellationToken ct) =>
        await EnrollmentEndpoints.AcceptAsync((await LoadAsync(db, eid, ct)).CampaignId, eid, db, clock, ct);

    public static async Task<Ok<EnrollmentView>> DeclineAsync(Guid eid, CampaignsDbContext db, TimeProvider clock, CancellationToken ct) =>
        await EnrollmentEndpoints.DeclineAsync((await LoadAsync(db, eid, ct)).CampaignId, eid, db, clock, ct);

    public static async Task<Ok<List<DeliverableView>>> DeliverablesAsync(Guid eid, CampaignsDbContext db, CancellationToken ct) =>
        await DeliverableEndpoints.ListAsync((await LoadAsync(db, eid, ct)).CampaignId, eid, db, ct);

    public static async Task<Ok<DeliverableView>> SubmitAsync(Guid eid, Guid did, SubmitRequest request, CampaignsDbContext db, TimeProvider clock, CancellationToken ct) =>
        await DeliverableEndpoints.SubmitAsync((await LoadAsync(db, eid, ct)).CampaignId, eid, did, request, db, clock, ct);

    private static async Task<Enrollment> LoadAsync(CampaignsDbContext db, Guid eid, CancellationToken ct) =>
        await db.Enrollments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eid, ct)
        ?? throw new NotFoundException($"Enrollment {eid} does not exist.");
}
