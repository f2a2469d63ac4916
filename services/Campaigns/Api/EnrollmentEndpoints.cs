using System.Security.Claims;
using AmbassadorNet.Campaigns.Api.Exclusivity;
using AmbassadorNet.Campaigns.Api.Overrides;
using AmbassadorNet.Persistence.Pagination;

namespace AmbassadorNet.Campaigns.Api;

/// <summary>Invitations and the enrollment lifecycle; only creators the replica knows as approved can be invited.</summary>
internal static class EnrollmentEndpoints
{
    private static readonly KeysetOrder<Enrollment, DateTimeOffset> Oldest = new("invited", e => e.InvitedAt, e => e.Id, descending: false);

    public static async Task<Created<EnrollmentView>> InviteAsync(Guid id, InviteRequest request, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        new FieldErrors().Check(request.CreatorId is not null && request.CreatorId != Guid.Empty, "creatorId", "The id of an approved creator is required.").ThrowIfAny();
        var campaign = await OpenCampaignAsync(db, id, ct);
        var creator = await ApprovedCreatorAsync(db, request.CreatorId!.Value, ct);
        var now = clock.GetUtcNow();
        var conflicts = await ExclusivityGate.CheckInvitationAsync(db, campaign, creator.CreatorId, now, ct);
        var enrollment = Enrollment.Invite(Ids.New(clock), db.CurrentBrandId, campaign.Id, creator.CreatorId, now, conflicts);
        db.Enrollments.Add(enrollment);
        db.AddEvent(EnrollmentEventFactory.Invited(enrollment, creator.Handle), clock);
        await db.SaveAsync(ct);
        return TypedResults.Created($"/api/campaigns/{id}/enrollments/{enrollment.Id}", EnrollmentView.From(enrollment));
    }

    /// <param name="flagged">true: only invitations flagged for exclusivity conflicts; false: only those without.</param>
    public static async Task<Ok<EnrollmentPage>> ListAsync(Guid id, string? status, bool? flagged, string? cursor, int? limit, CampaignsDbContext db, CancellationToken ct)
    {
        await db.LoadCampaignAsync(id, ct);
        var errors = new FieldErrors();
        var wanted = status is null ? null : DraftMerge.Parse<EnrollmentStatus>(status, errors, "status");
        errors.Check(limit is null or >= 1 and <= KeysetPagination.MaxLimit, "limit", $"Between 1 and {KeysetPagination.MaxLimit}.");
        errors.ThrowIfAny();
        var query = db.Enrollments.AsNoTracking().Where(e => e.CampaignId == id);
        if (wanted is { } s)
        {
            query = query.Where(e => e.Status == s);
        }

        if (flagged is { } f)
        {
            query = f ? query.Where(e => e.ExclusivityConflicts != null) : query.Where(e => e.ExclusivityConflicts == null);
        }

        var page = await query.ToPageAsync(Oldest, cursor, limit ?? 50, ct);
        return TypedResults.Ok(new EnrollmentPage(page.Items.Select(EnrollmentView.From).ToList(), page.NextCursor));
    }

    public static async Task<Ok<EnrollmentView>> GetAsync(Guid id, Guid eid, CampaignsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(EnrollmentView.From(await db.LoadEnrollmentAsync(id, eid, ct)));

    public static async Task<Ok<EnrollmentView>> AcceptAsync(Guid id, Guid eid, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await OpenCampaignAsync(db, id, ct);
        var enrollment = await db.LoadEnrollmentAsync(id, eid, ct);
        var creator = await ApprovedCreatorAsync(db, enrollment.CreatorId, ct);
        enrollment.Accept(clock.GetUtcNow());
        db.AddEvent(EnrollmentEventFactory.Enrolled(enrollment, creator.Handle), clock);
        await db.SaveAsync(ct);
        return TypedResults.Ok(EnrollmentView.From(enrollment));
    }

    public static Task<Ok<EnrollmentView>> DeclineAsync(Guid id, Guid eid, CampaignsDbContext db, TimeProvider clock, CancellationToken ct) =>
        EndAsync(id, eid, db, clock, ct, (e, now) => e.Decline(now));

    public static Task<Ok<EnrollmentView>> RemoveAsync(Guid id, Guid eid, CampaignsDbContext db, TimeProvider clock, CancellationToken ct) =>
        EndAsync(id, eid, db, clock, ct, (e, now) => e.Remove(now));

    /// <summary>
    /// Sets or clears the override or, when the brand's approval policy holds raises (issue #32) and this one pays
    /// more than the plan in force at effectiveFrom, holds it as a proposal for other members to approve: 202.
    /// </summary>
    public static async Task<Results<Ok<EnrollmentView>, Accepted<OverrideProposalView>>> SetOverrideAsync(
        Guid id, Guid eid, OverrideRequest request, ClaimsPrincipal user, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var campaign = await db.LoadCampaignAsync(id, ct);
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        var plan = request.CommissionPlan is null ? null : DraftMerge.ParsePlan(request.CommissionPlan, errors, "commissionPlan");
        if (plan is not null)
        {
            PlanRules.Validate(errors, plan, Currency.TryParse(campaign.Terms.Currency, out var c) ? c : null, "commissionPlan");
        }

        errors.Check(request.EffectiveFrom is null || request.EffectiveFrom >= now, "effectiveFrom", "An override changes only forward: now or later.");
        errors.ThrowIfAny();
        var enrollment = await db.LoadEnrollmentAsync(id, eid, ct);
        var effectiveFrom = request.EffectiveFrom ?? now;
        if (await OverrideApprovals.RequiredAsync(db, ct) is > 0 and var required && await OverrideApprovals.RaisesAsync(db, campaign, enrollment, plan, effectiveFrom, ct))
        {
            enrollment.EnsureOverrideCanChange(effectiveFrom, now);
            // Left out, effectiveFrom is the moment of the last approval: "now" would have passed by then.
            var proposal = await OverrideApprovals.ProposeAsync(db, enrollment, plan, request.EffectiveFrom, user, required, clock, ct);
            return TypedResults.Accepted($"/api/campaigns/{id}/enrollments/{eid}/commission-override/proposals/{proposal.Id}", OverrideProposalView.From(proposal, []));
        }

        await OverrideApprovals.ApplyAsync(db, enrollment, plan, effectiveFrom, now, clock, ct);
        await db.SaveAsync(ct);
        return TypedResults.Ok(EnrollmentView.From(enrollment));
    }

    /// <summary>A campaign that can still take creators: any but an ended one (drafts gather their cast before launch).</summary>
    internal static async Task<Campaign> OpenCampaignAsync(CampaignsDbContext db, Guid id, CancellationToken ct)
    {
        var campaign = await db.LoadCampaignAsync(id, ct);
        return campaign.Status == CampaignStatus.Ended ? throw new ConflictException("The campaign has ended.") : campaign;
    }

    /// <summary>
    /// The replica row of an approved creator. Its version is rewritten unchanged on save, so the save
    /// fails (409) if a creator event changed the creator meanwhile: an invitation never slips past a suspension.
    /// </summary>
    private static async Task<CreatorReplica> ApprovedCreatorAsync(CampaignsDbContext db, Guid creatorId, CancellationToken ct)
    {
        var creator = await db.Creators.SingleOrDefaultAsync(c => c.CreatorId == creatorId, ct);
        if (creator is not { IsApproved: true })
        {
            throw new ConflictException($"Creator {creatorId} is not approved (or not known here yet: approvals arrive from the creators service within moments).");
        }

        db.Entry(creator).Property(c => c.Version).IsModified = true;
        return creator;
    }

    private static async Task<Ok<EnrollmentView>> EndAsync(
        Guid id, Guid eid, CampaignsDbContext db, TimeProvider clock, CancellationToken ct, Action<Enrollment, DateTimeOffset> end)
    {
        var enrollment = await db.LoadEnrollmentAsync(id, eid, ct);
        end(enrollment, clock.GetUtcNow());
        db.AddEvent(EnrollmentEventFactory.Ended(enrollment), clock);
        await db.SaveAsync(ct);
        return TypedResults.Ok(EnrollmentView.From(enrollment));
    }
}
