using AmbassadorNet.ServiceDefaults.Approvals;

namespace AmbassadorNet.Campaigns.Api.Overrides;

/// <summary>
/// A held commission override: the plan (null clears the override) from <see cref="EffectiveFrom"/> (null: from its
/// last approval), how many members must approve it and who did so far, and who requested it.
/// </summary>
public sealed record OverrideProposalView(
    Guid Id, Guid CampaignId, Guid EnrollmentId, OverrideProposalStatus Status, Plan? CommissionPlan, DateTimeOffset? EffectiveFrom, int ApprovalsRequired,
    IReadOnlyList<ApprovalView> Approvals, DateTimeOffset ProposedAt, Guid? RequestedByMemberId, Guid? RequestedByKeyId,
    DateTimeOffset? DecidedAt, Guid? DecidedByMemberId, Guid? DecidedByKeyId, string? Note)
{
    public static OverrideProposalView From(CommissionOverrideProposal p, IEnumerable<Approval> approvals) => new(
        p.Id, p.CampaignId, p.EnrollmentId, p.Status, p.CommissionOverride, p.EffectiveFrom, p.ApprovalsRequired, [.. approvals.Select(ApprovalView.Of)],
        p.ProposedAt, p.ProposedByMemberId, p.ProposedByKeyId, p.DecidedAt, p.DecidedByMemberId, p.DecidedByKeyId, p.Note);
}

public sealed record OverrideProposalPage(IReadOnlyList<OverrideProposalView> Items, string? NextCursor);

/// <summary>An optional note on why the override was rejected (up to 500 characters).</summary>
public sealed record RejectOverrideRequest(string? Note);
