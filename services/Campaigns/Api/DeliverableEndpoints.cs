using AmbassadorNet.Campaigns.Api.Disclosure;
using AmbassadorNet.Campaigns.Domain.Agreements;

namespace AmbassadorNet.Campaigns.Api;

/// <summary>Deliverables of an active enrollment: assign, submit, and the brand's review. One event per change.</summary>
internal static class DeliverableEndpoints
{
    public static async Task<Created<DeliverableView>> CreateAsync(Guid id, Guid eid, DeliverableRequest request, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var type = DraftMerge.Parse<DeliverableType>(request.Type, errors, "type");
        errors.Check(request.DueDate is not null, "dueDate", "A due date (yyyy-mm-dd) is required.");
        errors.ThrowIfAny();
        await EnrollmentEndpoints.OpenCampaignAsync(db, id, ct);
        var enrollment = await db.LoadEnrollmentAsync(id, eid, ct);
        if (enrollment.Status != EnrollmentStatus.Active)
        {
            throw new ConflictException($"Deliverables belong to active enrollments; this one is {enrollment.Status.ToString().ToLowerInvariant()}.");
        }

        var now = clock.GetUtcNow();
        var deliverable = new Deliverable
        {
            Id = Ids.New(clock), BrandId = db.CurrentBrandId, CampaignId = id, EnrollmentId = eid, CreatorId = enrollment.CreatorId, Type = type!.Value,
            DueDate = request.DueDate!.Value, Status = DeliverableStatus.Pending, Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        db.Deliverables.Add(deliverable);
        db.AddEvent(EnrollmentEventFactory.Assigned(deliverable), clock);
        await db.SaveAsync(ct);
        return TypedResults.Created($"/api/campaigns/{id}/enrollments/{eid}/deliverables/{deliverable.Id}", DeliverableView.From(deliverable));
    }

    public static async Task<Ok<List<DeliverableView>>> ListAsync(Guid id, Guid eid, CampaignsDbContext db, CancellationToken ct)
    {
        await db.LoadEnrollmentAsync(id, eid, ct);
        var deliverables = await db.Deliverables.AsNoTracking().Where(d => d.EnrollmentId == eid).OrderBy(d => d.DueDate).ThenBy(d => d.Id).ToListAsync(ct);
        return TypedResults.Ok(deliverables.Select(DeliverableView.From).ToList());
    }

    public static async Task<Ok<DeliverableView>> SubmitAsync(Guid id, Guid eid, Guid did, SubmitRequest request, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        new FieldErrors().Check(Uri.TryCreate(request.Url?.Trim(), UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps && request.Url!.Length <= 2000,
            "url", "The https URL of the published content.").ThrowIfAny();
        return await ChangeAsync(id, eid, did, db, clock, ct, (d, now) => d.Submit(request.Url!.Trim(), now), EnrollmentEventFactory.Submitted);
    }

    /// <summary>Approves with the deliverable fee of the terms in force now, which the event carries for payouts; not a post missing its disclosure.</summary>
    public static async Task<Ok<DeliverableView>> ApproveAsync(Guid id, Guid eid, Guid did, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // Tracked from here, so the approval saves against the version that was checked.
        await db.EnsureDisclosedAsync(await db.LoadDeliverableAsync(id, eid, did, ct), ct);
        var terms = await db.TermsInForceAsync(id, clock.GetUtcNow(), ct);
        await EnsureAgreementAcceptedAsync(db, eid, did, ct);
        return await ChangeAsync(id, eid, did, db, clock, ct, (d, now) => d.Approve(terms?.Terms.DeliverableFee, terms?.Terms.Currency, now), EnrollmentEventFactory.Approved);
    }

    public static Task<Ok<DeliverableView>> RequestRevisionAsync(Guid id, Guid eid, Guid did, ReviewRequest? request, CampaignsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, eid, did, db, clock, ct, (d, now) => d.RequestRevision(Note(request), now), EnrollmentEventFactory.RevisionRequested);

    public static Task<Ok<DeliverableView>> RejectAsync(Guid id, Guid eid, Guid did, ReviewRequest? request, CampaignsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, eid, did, db, clock, ct, (d, now) => d.Reject(Note(request), now), EnrollmentEventFactory.Rejected);

    private static async Task<Ok<DeliverableView>> ChangeAsync(
        Guid id, Guid eid, Guid did, CampaignsDbContext db, TimeProvider clock, CancellationToken ct,
        Action<Deliverable, DateTimeOffset> change, Func<Deliverable, IIntegrationEvent> changed)
    {
        var deliverable = await db.LoadDeliverableAsync(id, eid, did, ct);
        change(deliverable, clock.GetUtcNow());
        db.AddEvent(changed(deliverable), clock);
        await db.SaveAsync(ct);
        return TypedResults.Ok(DeliverableView.From(deliverable));
    }

    /// <summary>The agreement in force when the content was submitted, or a later version, is accepted (<see cref="AgreementGate"/>).</summary>
    private static async Task EnsureAgreementAcceptedAsync(CampaignsDbContext db, Guid eid, Guid did, CancellationToken ct)
    {
        var submittedAt = await db.Deliverables.Where(d => d.Id == did && d.EnrollmentId == eid).Select(d => d.SubmittedAt).SingleOrDefaultAsync(ct);
        if (submittedAt is { } at && AgreementGate.Check(await db.Agreements.AsNoTracking().Where(a => a.EnrollmentId == eid).ToListAsync(ct), at) is { } refusal)
        {
            throw new ConflictException(refusal);
        }
    }

    private static string? Note(ReviewRequest? request) =>
        string.IsNullOrWhiteSpace(request?.Note) ? null : request.Note.Trim()[..Math.Min(1000, request.Note.Trim().Length)];
}
