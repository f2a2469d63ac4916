namespace AmbassadorNet.Analytics.Persistence;

// The tables of Migrations/0001_analytics.sql. Consumers write them with set-based SQL (a whole
// click batch in one statement); the classes exist so the schema test can hold the model to the SQL.

/// <summary>Counters of one (brand, campaign, UTC day, currency).</summary>
public abstract class RollupCounters : IBrandOwned
{
    public Guid BrandId { get; set; }

    public Guid CampaignId { get; set; }

    public DateOnly Day { get; set; }

    /// <summary>'' for clicks recorded before the campaign's currency was known.</summary>
    public string Currency { get; set; } = "";

    public long Clicks { get; set; }

    public long UniqueClicks { get; set; }

    public long BotClicks { get; set; }

    public long Conversions { get; set; }

    public decimal Revenue { get; set; }

    public decimal Refunds { get; set; }

    public decimal Commission { get; set; }

    public decimal Fees { get; set; }

    /// <summary>The value of gifts shipped, counted on the day shipped.</summary>
    public decimal Gifts { get; set; }
}

/// <summary>The counters of one creator in a campaign on a day.</summary>
public sealed class DailyRollup : RollupCounters
{
    public Guid CreatorId { get; set; }
}

/// <summary><see cref="DailyRollup"/> summed over the campaign's creators.</summary>
public sealed class CampaignDailyRollup : RollupCounters;

/// <summary>The natural key of a fact already counted (kind: click_batch, conversion, refund, commission, reversal, fee).</summary>
public sealed class AppliedFact : IBrandOwned
{
    public Guid BrandId { get; set; }

    public string Kind { get; set; } = "";

    public string FactKey { get; set; } = "";

    public DateTimeOffset AppliedAt { get; set; }
}

/// <summary>A campaign's all-time commission (net of reversals) and fees in one currency.</summary>
public sealed class CampaignSpend : IBrandOwned
{
    public Guid BrandId { get; set; }

    public Guid CampaignId { get; set; }

    public string Currency { get; set; } = "";

    public decimal Commission { get; set; }

    public decimal Fees { get; set; }
}

/// <summary>A budget threshold (80 or 100 percent) a campaign reached; its row makes the event once-only.</summary>
public sealed class BudgetThreshold : IBrandOwned
{
    public Guid BrandId { get; set; }

    public Guid CampaignId { get; set; }

    public int ThresholdPercent { get; set; }

    public decimal Budget { get; set; }

    public decimal Consumed { get; set; }

    public string Currency { get; set; } = "";

    public DateTimeOffset ReachedAt { get; set; }
}
