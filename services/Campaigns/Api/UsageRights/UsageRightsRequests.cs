namespace AmbassadorNet.Campaigns.Api.UsageRights;

/// <summary>
/// One grant: <c>uses</c> (one or more of organic_repost, paid_ads, whitelisting, email, website, print),
/// <c>territories</c> (ISO 3166-1 alpha-2 upper-case codes, or ["*"] for worldwide), <c>startsOn</c> and
/// <c>endsOn</c> (UTC days, inclusive; endsOn null: no end), <c>mayEdit</c> (whether the brand may edit the content).
/// </summary>
public sealed record UsageGrantRequest(IReadOnlyList<string?>? Uses, IReadOnlyList<string?>? Territories, DateOnly? StartsOn, DateOnly? EndsOn, bool? MayEdit);

/// <summary>A post's own grants (1 to 10), replacing those it inherits from its enrollment's agreement; [] clears them.</summary>
public sealed record SetPostUsageRightsRequest(IReadOnlyList<UsageGrantRequest?>? Grants);

/// <summary>Days before rights end that a notice goes out: 1 to 10 distinct values from 1 to 365 (kept largest first).</summary>
public sealed record UsageRightsPolicyRequest(IReadOnlyList<int>? ExpiryNoticeDays);
