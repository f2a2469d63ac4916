namespace AmbassadorNet.Contracts.Campaigns;

// Raising a creator's commission by an override, held for the brand's approval (issue #32): nothing changes
// until the last approval it needs, and the change itself is then announced as EnrollmentTermsChanged like
// any other change of the override.

/// <summary>
/// A member's override raises what the enrollment pays and the brand's approval policy holds it for
/// <see cref="ApprovalsRequired"/> other members. <see cref="CommissionOverride"/> null clears the override;
/// <see cref="EffectiveFrom"/> null applies it from its last approval. <see cref="SupersededProposalId"/> names
/// the pending proposal this one replaced.
/// </summary>
public sealed record EnrollmentCommissionOverrideProposed(
    Guid BrandId, DateTimeOffset OccurredAt, Guid ProposalId, Guid EnrollmentId, Guid CampaignId, Guid CreatorId, CommissionPlan? CommissionOverride,
    DateTimeOffset? EffectiveFrom, int ApprovalsRequired, Guid? ProposedByKeyId, Guid? ProposedByMemberId, Guid? SupersededProposalId) : IIntegrationEvent;

/// <summary>The proposal had the last approval it needed and the override was set (EnrollmentTermsChanged follows in the same transaction).</summary>
public sealed record EnrollmentCommissionOverrideApproved(
    Guid BrandId, DateTimeOffset OccurredAt, Guid ProposalId, Guid EnrollmentId, Guid CampaignId, Guid CreatorId,
    IReadOnlyList<Guid> ApprovedByMemberIds, Guid? LastApprovedByKeyId) : IIntegrationEvent;

/// <summary>A member rejected a pending proposal; the enrollment's commission is as it was.</summary>
public sealed record EnrollmentCommissionOverrideRejected(
    Guid BrandId, DateTimeOffset OccurredAt, Guid ProposalId, Guid EnrollmentId, Guid CampaignId, Guid CreatorId,
    Guid? RejectedByKeyId, Guid? RejectedByMemberId, string? Note) : IIntegrationEvent;
