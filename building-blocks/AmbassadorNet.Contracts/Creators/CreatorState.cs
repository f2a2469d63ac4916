namespace AmbassadorNet.Contracts.Creators;

/// <summary>
/// The full replicated state of a creator, carried by every creator event so a consumer can keep
/// a replica from any single event. Holds no email or payout details: consumers that need those
/// get them from the events made for them.
/// </summary>
public sealed record CreatorState(
    Guid CreatorId,
    string DisplayName,
    string Country,
    IReadOnlyList<string> Niches,
    string Status,
    string Tier,
    long Followers,
    decimal? EngagementRate,
    IReadOnlyList<SocialAccountState> Accounts);

/// <summary>One social account as of the latest stat snapshot. Engagement rate = (avg likes + avg comments) / followers.</summary>
public sealed record SocialAccountState(string Platform, string Handle, string? Url, long Followers, decimal? EngagementRate, DateTimeOffset MeasuredAt);
