using System.Security.Claims;
using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Security;

namespace AmbassadorNet.Campaigns.Api.Overrides;

/// <summary>
/// Raised commission overrides held for approval (issue #32). A raise is an override that would pay the creator
/// more for some order than the plan in force for the enrollment at effectiveFrom (<see cref="PlanComparison"/>);
/// when the brand's policy asks for approvals, a member's raise waits as a proposal, and lowering never waits.
/// </summary>
internal static class OverrideApprovals
{
    public const string Subject = "commission_override";

    /// <summary>How many members approve a raised override: the brand's policy (none when it never set one).</summary>
    public static async Task<int> RequiredAsync(CampaignsDbContext db, CancellationToken ct) =>
        (await db.ApprovalPolicies.AsNoTracking().SingleOrDefaultAsync(ct))?.Approvals ?? 0;

    /// <summary>
    /// Whether <paramref name="proposed"/> (null: clearing the override) from <paramref name="at"/> pays more than the
    /// enrollment's plan then: its override, or the campaign's plan in force at that time when it has none.
    /// </summary>
    public static async Task<bool> RaisesAsync(CampaignsDbContext db, Campaign campaign, Enrollment enrollment, Plan? proposed, DateTimeOffset at, CancellationToken ct)
    {
        var campaignPlan = ((await db.TermsInForceAsync(campaign.Id, at, ct))?.Terms ?? campaign.Terms).CommissionPlan;
        return PlanComparison.Raises(proposed ?? campaignPlan, enrollment.CommissionOverride ?? campaignPlan);
    }

    /// <summary>Supersedes a pending proposal of the enrollment and writes this one, with its event, in one transaction.</summary>
    public static async Task<CommissionOverrideProposal> ProposeAsync(
        CampaignsDbContext db, Enrollment enrollment, Plan? plan, DateTimeOffset? effectiveFrom, ClaimsPrincipal user, int approvalsRequired, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The pending one is superseded before the new one is written (the unique index allows one pending per enrollment).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var superseded = await SupersedePendingAsync(db, enrollment.Id, now, ct);
        await db.SaveAsync(ct);
        var proposal = new CommissionOverrideProposal
        {
            Id = Ids.New(clock), BrandId = enrollment.BrandId, CampaignId = enrollment.CampaignId, EnrollmentId = enrollment.Id, CreatorId = enrollment.CreatorId,
            Status = OverrideProposalStatus.Pending, CommissionOverride = plan, EffectiveFrom = effectiveFrom, Version = 1,
        };
        proposal.ProposedBy(user.GetCaller(), now, approvalsRequired);
        db.OverrideProposals.Add(proposal);
        db.AddEvent(new EnrollmentCommissionOverrideProposed(
            proposal.BrandId, proposal.ProposedAt, proposal.Id, proposal.EnrollmentId, proposal.CampaignId, proposal.CreatorId,
            plan is null ? null : WirePlans.ToWire(plan), effectiveFrom, approvalsRequired, proposal.ProposedByKeyId, proposal.ProposedByMemberId, superseded?.Id), clock);
        await db.SaveAsync(ct);
        await transaction.CommitAsync(ct);
        return proposal;
    }

    /// <summary>
    /// Sets the override and publishes EnrollmentTermsChanged: the one way an override changes, from the direct PUT
    /// or a proposal's last approval. A pending proposal is superseded: what was set after it wins.
    /// </summary>
    public static async Task ApplyAsync(
        CampaignsDbContext db, Enrollment enrollment, Plan? plan, DateTimeOffset effectiveFrom, DateTimeOffset now, TimeProvider clock, CancellationToken ct)
    {
        enrollment.SetOverride(plan, effectiveFrom, now);
        await SupersedePendingAsync(db, enrollment.Id, now, ct);
        db.AddEvent(EnrollmentEventFactory.TermsChanged(enrollment), clock);
    }

    private static async Task<CommissionOverrideProposal?> SupersedePendingAsync(CampaignsDbContext db, Guid enrollmentId, DateTimeOffset now, CancellationToken ct)
    {
        var pending = await db.OverrideProposals.SingleOrDefaultAsync(p => p.EnrollmentId == enrollmentId && p.Status == OverrideProposalStatus.Pending, ct);
        // Tracked already when this is its own last approval: then it is approved, not superseded.
        if (pending is not { Status: OverrideProposalStatus.Pending })
        {
            return null;
        }

        pending.Supersede(Instants.ToMicroseconds(now));
        return pending;
    }
}
