using AmbassadorNet.Analytics.Domain.Content;
using AmbassadorNet.Analytics.Domain.PaidAds;

namespace AmbassadorNet.Analytics.Api.PaidAds;

// What the paid-ads endpoints take and answer; the CSV export writes the same row objects.

/// <summary>One paid-ad day as the brand enters it; impressions may be left out (not every channel reports them).</summary>
public sealed record PaidAdDayRequest(
    Guid? CampaignId, string? Channel, DateOnly? Day, string? Currency, decimal? Spend, long? Impressions, long? Clicks, long? Orders, decimal? Revenue);

/// <summary>The body of <c>PUT /api/analytics/paid-ads</c>: 1 to 100 days, stored all or none.</summary>
public sealed record EnterPaidAdsRequest(IReadOnlyList<PaidAdDayRequest?>? Rows);

/// <summary>A paid-ad day as stored: amounts with the currency's decimals, when first entered and when a figure last changed.</summary>
public sealed record PaidAdDayRow(
    Guid CampaignId, string Channel, DateOnly Day, string Currency, decimal Spend, long? Impressions, long Clicks, long Orders, decimal Revenue,
    DateTimeOffset EnteredAt, DateTimeOffset UpdatedAt)
{
    public static PaidAdDayRow From(PaidAdDay d) => new(
        d.CampaignId, d.Channel, d.Day, d.Currency, SharedKernel.Currency.Normalized(d.Spend, d.Currency), d.Impressions, d.Clicks, d.Orders,
        SharedKernel.Currency.Normalized(d.Revenue, d.Currency), d.EnteredAt, d.UpdatedAt);
}

/// <summary>What a PUT did: days inserted or changed ("recorded"), days entered again as they were ("unchanged"), and every day as stored.</summary>
public sealed record PaidAdsEntered(int Recorded, int Unchanged, IReadOnlyList<PaidAdDayRow> Rows);

public sealed record PaidAdDaysPage(
    Guid? CampaignId, string? Channel, DateOnly? From, DateOnly? To, int Total, IReadOnlyList<PaidAdDayRow> Items, int? NextOffset);

/// <summary>What a paid-ads import did, row by row; line numbers count the header as line 1.</summary>
public sealed record PaidAdImportReport(string Mode, int Recorded, int Unchanged, int Rejected, IReadOnlyList<PaidAdImportRow> Rows);

/// <param name="Status">"recorded" (the day was inserted or changed), "unchanged" (entered again as it was), "rejected", or
/// "valid" (a good row not stored because another row failed an all-or-nothing import).</param>
public sealed record PaidAdImportRow(int Line, string Status, Guid? CampaignId, string? Channel, DateOnly? Day, IDictionary<string, string[]>? Errors);

/// <summary>Creator content beside paid ads for one campaign over a range of UTC days, in the campaign's currency.</summary>
public sealed record ContentVsPaidReport(Guid CampaignId, string? Name, string? Currency, DateOnly? From, DateOnly? To, IReadOnlyList<ContentVsPaidRow> Items);

/// <summary>
/// One row of the comparison, flat so that its CSV is its JSON: <c>creator_content</c> (the campaign's
/// posts, as the content report by campaign), <c>paid_ads_total</c>, then <c>paid_ads_channel</c> per
/// channel. Clicks are unique clicks for creators and the channel's clicks for paid ads; cost is fees +
/// commission + gifts for creators and spend for paid ads; ROAS is net revenue ÷ cost for creators and
/// revenue ÷ spend for paid ads. A figure a source does not have is null.
/// </summary>
public sealed record ContentVsPaidRow(
    string Source, string? Channel, long? Posts, long? Views, long? Impressions, long Clicks, long Orders, decimal Revenue, decimal? NetRevenue,
    decimal Cost, decimal? CostPerOrder, decimal? CostPerClick, decimal? Roas, decimal? RevenuePerThousandViews, decimal? RevenuePerThousandImpressions)
{
    public const string CreatorContent = "creator_content";
    public const string PaidAdsTotal = "paid_ads_total";
    public const string PaidAdsChannel = "paid_ads_channel";

    public static ContentVsPaidRow Creators(ContentFigures f) => new(
        CreatorContent, null, f.Posts, f.Views, null, f.UniqueClicks, f.Conversions, f.Revenue, f.NetRevenue,
        f.Cost, f.CostPerOrder, null, f.Roas, f.RevenuePerThousandViews, null);

    public static ContentVsPaidRow Paid(string source, string? channel, PaidAdFigures f) => new(
        source, channel, null, null, f.Impressions, f.Clicks, f.Orders, f.Revenue, null,
        f.Spend, f.CostPerOrder, f.CostPerClick, f.Roas, null, f.RevenuePerThousandImpressions);
}
