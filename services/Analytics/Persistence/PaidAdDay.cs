namespace AmbassadorNet.Analytics.Persistence;

/// <summary>
/// What the brand entered of its paid ads for one campaign, channel and UTC day (Migrations/0006):
/// spend and revenue in the campaign's currency, impressions when the channel reports them (null:
/// not reported), clicks and orders as the channel counts them. Entering the day again replaces it.
/// </summary>
public sealed class PaidAdDay : IBrandOwned
{
    public Guid BrandId { get; set; }

    public Guid CampaignId { get; set; }

    public string Channel { get; set; } = "";

    public DateOnly Day { get; set; }

    public string Currency { get; set; } = "";

    public decimal Spend { get; set; }

    public long? Impressions { get; set; }

    public long Clicks { get; set; }

    public long Orders { get; set; }

    public decimal Revenue { get; set; }

    /// <summary>When the day was first entered.</summary>
    public DateTimeOffset EnteredAt { get; set; }

    /// <summary>When a figure of the day last changed (entered_at until then).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
