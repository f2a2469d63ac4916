namespace AmbassadorNet.Contracts.Campaigns;

// Every enrollment event carries the enrollment's version and full state.

/// <summary>
/// A creator's place in a campaign. <see cref="Status"/>: "invited", "active", "declined",
/// "removed" or "ended" (the creator was suspended, offboarded or erased). When
/// <see cref="CommissionOverride"/> is set it replaces the campaign's plan for orders at or after
/// <see cref="OverrideEffectiveFrom"/>.
/// </summary>
public sealed record EnrollmentState(
    Guid EnrollmentId,
    Guid CampaignId,
    Guid CreatorId,
    string Status,
    CommissionPlan? CommissionOverride,
    DateTimeOffset? OverrideEffectiveFrom);

/// <summary>
/// The brand invited an approved creator; <see cref="CreatorHandle"/> is their main handle, for readable
/// promo codes. <see cref="ExclusivityConflicts"/> lists the creator's exclusivity promises the
/// campaign's category conflicts with, when the brand's policy flags such invitations (null: none).
/// </summary>
public sealed record CreatorInvited(
    Guid BrandId, DateTimeOffset OccurredAt, Guid EnrollmentId, long Version, EnrollmentState Enrollment, string? CreatorHandle,
    IReadOnlyList<ExclusivityConflictState>? ExclusivityConflicts = null) : IEnrollmentStateChanged;

/// <summary>The creator accepted: tracking issues their link and promo code.</summary>
public sealed record CreatorEnrolled(
    Guid BrandId, DateTimeOffset OccurredAt, Guid EnrollmentId, long Version, EnrollmentState Enrollment, string? CreatorHandle) : IEnrollmentStateChanged;

/// <summary>The enrollment's commission override was set or cleared (see <see cref="CommissionPlan"/> for the rule).</summary>
public sealed record EnrollmentTermsChanged(Guid BrandId, DateTimeOffset OccurredAt, Guid EnrollmentId, long Version, EnrollmentState Enrollment) : IEnrollmentStateChanged;

/// <summary>
/// The enrollment is over: <see cref="Reason"/> is "declined", "removed", "creator_suspended",
/// "creator_offboarded" or "creator_erased". Orders after <c>OccurredAt</c> earn nothing through it.
/// </summary>
public sealed record EnrollmentEnded(
    Guid BrandId, DateTimeOffset OccurredAt, Guid EnrollmentId, long Version, EnrollmentState Enrollment, string Reason) : IEnrollmentStateChanged;
