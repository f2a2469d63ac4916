using System.Security.Claims;
using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Persistence.Pagination;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Approvals;

namespace AmbassadorNet.Campaigns.Api.Overrides;

/// <summary>
/// The raised commission overrides of an enrollment held for approval, and members' approvals and rejections.
/// Each approving member passes <see cref="ApprovalRules"/> against the requester and the members who approved
/// before (<see cref="ApprovalDesk"/>); with the last approval the proposal needs, the override is set as the
/// direct PUT sets it.
/// </summary>
internal static class OverrideProposalEndpoints
{
    private static readonly KeysetOrder<CommissionOverrideProposal, DateTimeOffset> Newest = new("proposed", p => p.ProposedAt, p => p.Id, descending: true);

    public static async Task<Ok<OverrideProposalPage>> ListAsync(
        Guid id, Guid eid, string? status, string? cursor, int? limit, CampaignsDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var wanted = OverrideProposalStatus.Pending;
        errors.Check(status is null || SnakeCaseEnums.TryParse(status, out wanted), "status", $"One of: {SnakeCaseEnums.Allowed<OverrideProposalStatus>()}.");
        errors.Check(limit is null or >= 1 and <= KeysetPagination.MaxLimit, "limit", $"Between 1 and {KeysetPagination.MaxLimit}.");
        errors.ThrowIfAny();
        await db.LoadEnrollmentAsync(id, eid, ct);
        var query = db.OverrideProposals.AsNoTracking().Where(p => p.EnrollmentId == eid);
        query = status is null ? query : query.Where(p => p.Status == wanted);
        var page = await query.ToPageAsync(Newest, cursor, limit ?? 50, ct);
        var ids = page.Items.Select(p => p.Id).ToList();
        var approvals = (await db.Set<Approval>().AsNoTracking().Where(a => a.SubjectType == OverrideApprovals.Subject && ids.Contains(a.SubjectId)).ToListAsync(ct))
            .OrderBy(a => a.ApprovedAt).ToLookup(a => a.SubjectId);
        return TypedResults.Ok(new OverrideProposalPage([.. page.Items.Select(p => OverrideProposalView.From(p, approvals[p.Id]))], page.NextCursor));
    }

    public static async Task<Ok<OverrideProposalView>> GetAsync(Guid id, Guid eid, Guid pid, CampaignsDbContext db, ApprovalDesk desk, CancellationToken ct)
    {
        var proposal = await LoadAsync(db, id, eid, pid, ct);
        return TypedResults.Ok(OverrideProposalView.From(proposal, await desk.ApprovalsOfAsync(OverrideApprovals.Subject, pid, ct)));
    }

    /// <summary>
    /// One member's approval. It is refused (409, nothing recorded, the proposal stays pending) when the override
    /// could no longer be set: the enrollment ended, or the proposal's effectiveFrom has passed. With the last
    /// approval it needs, the override is set and EnrollmentTermsChanged published, as the direct PUT does.
    /// </summary>
    public static async Task<Ok<OverrideProposalView>> ApproveAsync(
        Guid id, Guid eid, Guid pid, ClaimsPrincipal user, CampaignsDbContext db, ApprovalDesk desk, TimeProvider clock, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Locked before it is read: two approvals at once take turns, and the second sees the first's.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM commission_override_proposals WHERE id = {pid} FOR UPDATE", ct);
        var proposal = await LoadAsync(db, id, eid, pid, ct);
        proposal.EnsurePending("approve");
        var enrollment = await db.LoadEnrollmentAsync(id, eid, ct);
        var now = clock.GetUtcNow();
        enrollment.EnsureOverrideCanChange(proposal.EffectiveFrom ?? now, now);
        var approver = user.GetCaller();
        var earlier = await desk.ApprovalsOfAsync(OverrideApprovals.Subject, pid, ct);
        var last = await desk.ApproveAsync(OverrideApprovals.Subject, proposal, approver, ct);
        var approvals = db.ChangeTracker.Entries<Approval>().Select(e => e.Entity).Where(a => a.SubjectId == pid).Concat(earlier).OrderBy(a => a.ApprovedAt).ToList();
        if (last)
        {
            proposal.Approve(Instants.ToMicroseconds(now), approver.KeyId, approver.MemberId);
            db.AddEvent(new EnrollmentCommissionOverrideApproved(
                proposal.BrandId, proposal.DecidedAt!.Value, proposal.Id, proposal.EnrollmentId, proposal.CampaignId, proposal.CreatorId,
                [.. approvals.Select(a => a.MemberId)], approver.KeyId), clock);
            await OverrideApprovals.ApplyAsync(db, enrollment, proposal.CommissionOverride, proposal.EffectiveFrom ?? now, now, clock, ct);
        }

        await db.SaveAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(OverrideProposalView.From(proposal, approvals));
    }

    public static async Task<Ok<OverrideProposalView>> RejectAsync(
        Guid id, Guid eid, Guid pid, RejectOverrideRequest? request, ClaimsPrincipal user, CampaignsDbContext db, ApprovalDesk desk, TimeProvider clock,
        CancellationToken ct)
    {
        var note = string.IsNullOrWhiteSpace(request?.Note) ? null : request.Note.Trim();
        new FieldErrors().Check(note is null || note.Length <= CommissionOverrideProposal.MaxNote, "note", $"At most {CommissionOverrideProposal.MaxNote} characters.").ThrowIfAny();
        var proposal = await LoadAsync(db, id, eid, pid, ct);
        var (caller, now) = (user.GetCaller(), Instants.ToMicroseconds(clock.GetUtcNow()));
        proposal.Reject(now, caller.KeyId, caller.MemberId, note);
        db.AddEvent(new EnrollmentCommissionOverrideRejected(
            proposal.BrandId, now, proposal.Id, proposal.EnrollmentId, proposal.CampaignId, proposal.CreatorId, caller.KeyId, caller.MemberId, note), clock);
        await db.SaveAsync(ct);
        return TypedResults.Ok(OverrideProposalView.From(proposal, await desk.ApprovalsOfAsync(OverrideApprovals.Subject, pid, ct)));
    }

    private static async Task<CommissionOverrideProposal> LoadAsync(CampaignsDbContext db, Guid id, Guid eid, Guid pid, CancellationToken ct) =>
        await db.OverrideProposals.SingleOrDefaultAsync(p => p.Id == pid && p.EnrollmentId == eid && p.CampaignId == id, ct)
        ?? throw new NotFoundException($"Enrollment {eid} of campaign {id} has no commission-override proposal {pid}.");
}
