namespace AmbassadorNet.Analytics.Domain.PaidAds;

/// <summary>The key of a paid-ad day: entering the same key again replaces the day.</summary>
public sealed record PaidAdKey(Guid CampaignId, string Channel, DateOnly Day);

/// <summary>A paid-ad day as entered and checked, ready to be stored.</summary>
public sealed record PaidAdEntry(
    Guid CampaignId, string Channel, DateOnly Day, string Currency, decimal Spend, long? Impressions, long Clicks, long Orders, decimal Revenue)
{
    public PaidAdKey Key => new(CampaignId, Channel, Day);
}
