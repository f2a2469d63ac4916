namespace AmbassadorNet.Analytics.Rollups;

/// <summary>
/// What one fact (or one batch's share of a day) adds to a rollup row. Currency '' for clicks.
/// <see cref="PostId"/>: the post whose link or promo code brought it, whose figures it adds to as well.
/// </summary>
public sealed record RollupDelta(
    Guid CampaignId, Guid CreatorId, DateOnly Day, string Currency,
    long Clicks = 0, long UniqueClicks = 0, long BotClicks = 0, long Conversions = 0,
    decimal Revenue = 0m, decimal Refunds = 0m, decimal Commission = 0m, decimal Fees = 0m, decimal Gifts = 0m, Guid? PostId = null);
