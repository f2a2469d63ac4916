namespace AmbassadorNet.Analytics.Api;

// What the endpoints answer. The CSV export writes the same objects (nested metrics flattened into
// columns), so a view's CSV and JSON cannot disagree.

/// <summary>A campaign over a range of UTC days, with its all-time budget consumption.</summary>
public sealed record CampaignSummary(
    Guid CampaignId, string? Name, string? Currency, DateOnly? From, DateOnly? To, Metrics Metrics,
    decimal? Budget, decimal BudgetConsumed, decimal? BudgetRemaining, decimal? BudgetConsumedPercent);

/// <summary>One creator's figures: a row of a campaign's creators or of the brand's leaderboard.</summary>
public sealed record CreatorRow(int Rank, Guid CreatorId, string? DisplayName, string? Handle, string? Tier, Metrics Metrics);

public sealed record CampaignCreatorsPage(
    Guid CampaignId, string? Currency, DateOnly? From, DateOnly? To, string Sort, int Total, IReadOnlyList<CreatorRow> Items, int? NextOffset);

public sealed record LeaderboardPage(
    string? Currency, DateOnly? From, DateOnly? To, string Sort, long MinClicks, int Total, IReadOnlyList<CreatorRow> Items, int? NextOffset);

/// <summary>A tier's creators (all the brand knows with that tier) and their combined figures, also per creator.</summary>
public sealed record TierRow(
    string Tier, long Creators, decimal? AverageEngagementRate, Metrics Metrics,
    decimal? UniqueClicksPerCreator, decimal? ConversionsPerCreator, decimal? RevenuePerCreator, decimal? NetRevenuePerCreator);

public sealed record TierComparison(string? Currency, DateOnly? From, DateOnly? To, IReadOnlyList<TierRow> Items);

public sealed record DayRow(DateOnly Day, Metrics Metrics);

public sealed record CampaignTimeseries(Guid CampaignId, string? Currency, DateOnly? From, DateOnly? To, IReadOnlyList<DayRow> Items);
