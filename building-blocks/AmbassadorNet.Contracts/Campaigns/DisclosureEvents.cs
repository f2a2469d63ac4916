namespace AmbassadorNet.Contracts.Campaigns;

/// <summary>A disclosure marker of a brand's policy; <see cref="Markets"/> null: every market, else ISO 3166-1 alpha-2 codes.</summary>
public sealed record DisclosureMarkerState(string Text, IReadOnlyList<string>? Markets);

/// <summary>
/// A brand changed its disclosure policy: the markers a post's caption may carry and whether the
/// platform's paid-partnership label alone is enough. Posts recorded from now on are checked by it;
/// posts already recorded keep their answer.
/// </summary>
public sealed record DisclosurePolicyChanged(
    Guid BrandId, DateTimeOffset OccurredAt, long Version, IReadOnlyList<DisclosureMarkerState> Markers, bool AcceptPaidPartnershipLabel) : IReplicatedState;

/// <summary>
/// A manager accepted a post whose disclosure was missing, with a note (the brand's words); the
/// deliverable it was submitted for can then be approved. <see cref="ApiKeyId"/>: the key that did it.
/// </summary>
public sealed record PostDisclosureOverridden(
    Guid BrandId, DateTimeOffset OccurredAt, Guid PostId, long Version, Guid CampaignId, Guid EnrollmentId, Guid CreatorId, string Note, Guid? ApiKeyId) : IIntegrationEvent;
