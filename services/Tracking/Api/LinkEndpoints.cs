using AmbassadorNet.Contracts.Tracking;
using AmbassadorNet.Persistence.Pagination;
using AmbassadorNet.Tracking.Codes;
using AmbassadorNet.Tracking.Consumers;

namespace AmbassadorNet.Tracking.Api;

/// <summary>The brand's tracking links: list, issue another, deactivate.</summary>
internal static class LinkEndpoints
{
    private static readonly KeysetOrder<TrackingLink, DateTimeOffset> Newest = new("created", l => l.CreatedAt, l => l.Id, descending: true);

    public static async Task<Ok<LinkPage>> ListAsync(
        Guid? enrollmentId, Guid? campaignId, Guid? creatorId, Guid? postId, string? cursor, int? limit, TrackingDbContext db, CodeIssuer issuer, CancellationToken ct)
    {
        new FieldErrors().Check(limit is null or >= 1 and <= KeysetPagination.MaxLimit, "limit", $"Between 1 and {KeysetPagination.MaxLimit}.").ThrowIfAny();
        var query = db.Links.AsNoTracking();
        query = enrollmentId is { } e ? query.Where(l => l.EnrollmentId == e) : query;
        query = campaignId is { } c ? query.Where(l => l.CampaignId == c) : query;
        query = creatorId is { } cr ? query.Where(l => l.CreatorId == cr) : query;
        query = postId is { } p ? query.Where(l => l.PostId == p) : query;
        var page = await query.ToPageAsync(Newest, cursor, limit ?? 50, ct);
        return TypedResults.Ok(new LinkPage([.. page.Items.Select(l => LinkView.From(l, issuer.UrlOf(l.Code)))], page.NextCursor));
    }

    public static async Task<Created<LinkView>> CreateAsync(CreateLinkRequest request, TrackingDbContext db, CodeIssuer issuer, CancellationToken ct)
    {
        var (enrollment, post) = await TargetAsync(db, request.EnrollmentId, request.PostId, "link", ct);
        for (var attempt = 1; ; attempt++)
        {
            var link = issuer.IssueLink(enrollment, post);
            try
            {
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/links/{link.Id}", LinkView.From(link, issuer.UrlOf(link.Code)));
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear(); // a code collision (one in 10^14): draw again
            }
        }
    }

    public static async Task<Ok<LinkView>> DeactivateAsync(Guid id, TrackingDbContext db, CodeIssuer issuer, TimeProvider clock, CancellationToken ct)
    {
        var link = await db.Links.SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException($"Link {id} does not exist.");
        if (link.Deactivate(clock.GetUtcNow()))
        {
            db.AddEvent(new TrackingLinkDeactivated(link.BrandId, link.DeactivatedAt!.Value, link.Id, link.Code, link.EnrollmentId), clock);
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(LinkView.From(link, issuer.UrlOf(link.Code)));
    }

    /// <summary>What a link or promo code is asked for: an active enrollment, or a post of one (exactly one of the two).</summary>
    internal static async Task<(EnrollmentReplica Enrollment, Guid? PostId)> TargetAsync(TrackingDbContext db, Guid? enrollmentId, Guid? postId, string what, CancellationToken ct)
    {
        var forEnrollment = enrollmentId is { } e && e != Guid.Empty;
        var forPost = postId is { } p && p != Guid.Empty;
        new FieldErrors().Check(forEnrollment ^ forPost, forEnrollment ? "postId" : "enrollmentId", $"The enrollment or the post (one of the two) to issue a {what} for.").ThrowIfAny();
        if (forEnrollment)
        {
            return (await ActiveEnrollmentAsync(db, enrollmentId!.Value, ct), null);
        }

        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(x => x.PostId == postId, ct)
            ?? throw new NotFoundException($"Post {postId} is not known here (it arrives from the campaigns service moments after it is recorded).");
        return (await ActiveEnrollmentAsync(db, post.EnrollmentId, ct), post.PostId);
    }

    internal static async Task<EnrollmentReplica> ActiveEnrollmentAsync(TrackingDbContext db, Guid enrollmentId, CancellationToken ct)
    {
        var enrollment = await db.Enrollments.SingleOrDefaultAsync(e => e.EnrollmentId == enrollmentId, ct)
            ?? throw new NotFoundException($"Enrollment {enrollmentId} is not known here (it arrives from the campaigns service once the creator accepts).");
        return enrollment.IsActive ? enrollment : throw new ConflictException($"Enrollment {enrollmentId} has ended ({enrollment.Status}).");
    }
}
