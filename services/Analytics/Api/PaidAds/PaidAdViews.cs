using AmbassadorNet.Analytics.Api.Content;
using AmbassadorNet.Analytics.Domain.Content;
using AmbassadorNet.Analytics.Domain.PaidAds;

namespace AmbassadorNet.Analytics.Api.PaidAds;

/// <summary>The paid-ad days as entered, and a campaign's creator content set beside its paid ads.</summary>
public sealed class PaidAdViews(AnalyticsDbContext db, PaidAdQueries paid, ContentViews content, RollupQueries rollups)
{
    /// <summary>The brand's paid-ad days, newest day first (then by campaign and channel), kept by the filters.</summary>
    public async Task<PaidAdDaysPage> ListAsync(Guid? campaignId, string? channel, DateRange range, int offset, int limit, CancellationToken ct)
    {
        var query = db.PaidAdDays.AsNoTracking().Where(d => d.Day >= range.Start && d.Day <= range.End);
        query = campaignId is { } campaign ? query.Where(d => d.CampaignId == campaign) : query;
        query = channel is not null ? query.Where(d => d.Channel == channel) : query;
        var total = await query.CountAsync(ct);
        var days = await query.OrderByDescending(d => d.Day).ThenBy(d => d.CampaignId).ThenBy(d => d.Channel).Skip(offset).Take(limit).ToListAsync(ct);
        var next = offset + days.Count < total ? offset + days.Count : (int?)null;
        return new PaidAdDaysPage(campaignId, channel, range.From, range.To, total, [.. days.Select(PaidAdDayRow.From)], next);
    }

    /// <summary>
    /// The campaign's creator content (its posts' figures, exactly as the content report by campaign
    /// answers them), its paid ads in total and per channel, over the range, in the campaign's currency.
    /// 404 when the brand knows nothing of the campaign: no campaign event, no figures, no post, no paid-ad day.
    /// </summary>
    public async Task<ContentVsPaidReport> ReportAsync(Guid id, DateRange range, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.CampaignId == id, ct);
        var paidCurrencies = await paid.CurrenciesAsync(id, ct);
        var (hasFigures, figuresCurrency) = await rollups.CampaignFiguresAsync(id, ct);
        if (campaign is null && paidCurrencies.Count == 0 && !hasFigures && !await db.Posts.AnyAsync(p => p.CampaignId == id, ct))
        {
            throw new NotFoundException($"No campaign {id} is known in this brand.");
        }

        // A campaign has one currency; paid-ad days entered in another before the campaign was known here are left out.
        var currency = (campaign?.Currency is { Length: > 0 } own ? own : null) ?? figuresCurrency ?? paidCurrencies.FirstOrDefault();
        var creators = currency is null ? ContentFigures.Of([], null) : await content.FiguresAsync(ContentFilter.None with { CampaignId = id }, currency, range, ct);
        var channels = currency is null ? [] : await paid.ChannelTotalsAsync(id, currency, range, ct);
        var total = channels.Aggregate(PaidAdTotals.Zero, (sum, c) => sum + c.Totals);
        List<ContentVsPaidRow> rows =
        [
            ContentVsPaidRow.Creators(creators),
            ContentVsPaidRow.Paid(ContentVsPaidRow.PaidAdsTotal, null, PaidAdFigures.Of(total, currency)),
            .. channels.Select(c => ContentVsPaidRow.Paid(ContentVsPaidRow.PaidAdsChannel, c.Channel, PaidAdFigures.Of(c.Totals, currency))),
        ];
        return new ContentVsPaidReport(id, campaign?.Name, currency, range.From, range.To, rows);
    }
}
