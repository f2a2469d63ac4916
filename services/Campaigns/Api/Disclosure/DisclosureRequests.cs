namespace AmbassadorNet.Campaigns.Api.Disclosure;

/// <summary>
/// The brand's whole disclosure policy, replacing the one in force: 1 to 50 markers, each a text of 1 to
/// 50 characters (unique whatever its case) and the markets it counts in (null: every market), and
/// whether the platform's paid-partnership label alone discloses a post.
/// </summary>
public sealed record DisclosurePolicyRequest(IReadOnlyList<DisclosureMarkerRequest?>? Markers, bool? AcceptPaidPartnershipLabel);

/// <summary>A marker such as "#ad"; <c>markets</c>: ISO 3166-1 alpha-2 upper-case codes, or null for every market.</summary>
public sealed record DisclosureMarkerRequest(string? Text, IReadOnlyList<string?>? Markets);

/// <summary>Why the brand accepts the post without a disclosure: 1 to 1,000 characters, kept with the post.</summary>
public sealed record DisclosureOverrideRequest(string? Note);
