namespace AmbassadorNet.Analytics.Api;

/// <summary>The views of one campaign: summary, its creators, its daily time series.</summary>
public sealed class CampaignViews(AnalyticsDbContext db, RollupQueries queries)
{
    public async Task<CampaignSummary> SummaryAsync(Guid id, DateRange range, CancellationToken ct)
    {
        var campaign = await CampaignAsync(id, ct);
        var totals = await queries.CampaignTotalsAsync(id, range, ct);
        var spend = campaign.Currency is null ? null
            : await db.Spend.AsNoTracking().SingleOrDefaultAsync(s => s.CampaignId == id && s.Currency == campaign.Currency, ct);
        var consumed = Metrics.From(new Totals(0, 0, 0, 0, 0m, 0m, spend?.Commission ?? 0m, spend?.Fees ?? 0m), campaign.Currency);
        var consumedAmount = consumed.Commission + consumed.Fees;
        return new CampaignSummary(id, campaign.Name, campaign.Currency, range.From, range.To, Metrics.From(totals, campaign.Currency),
            campaign.Budget, consumedAmount, campaign.Budget - consumedAmount, BudgetRules.PercentConsumed(campaign.Budget, consumedAmount));
    }

    public async Task<CampaignCreatorsPage> CreatorsAsync(Guid id, DateRange range, CreatorSort sort, int offset, int limit, CancellationToken ct)
    {
        var campaign = await CampaignAsync(id, ct);
        var creators = await queries.CreatorTotalsAsync(id, null, range, ct);
        var (total, items, next) = CreatorRanking.Page(creators, campaign.Currency, sort, offset, limit);
        return new CampaignCreatorsPage(id, campaign.Currency, range.From, range.To, sort.Name, total, items, next);
    }

    /// <summary>One point per UTC day from <c>from</c> to <c>to</c> (or the first to the last day with figures), empty days as zeros.</summary>
    public async Task<CampaignTimeseries> TimeseriesAsync(Guid id, DateRange range, CancellationToken ct)
    {
        var campaign = await CampaignAsync(id, ct);
        var days = (await queries.CampaignDaysAsync(id, range, ct)).ToDictionary(d => d.Day, d => d.Totals);
        var items = new List<DayRow>();
        if (days.Count > 0 || (range.From is not null && range.To is not null))
        {
            var first = range.From ?? days.Keys.Min();
            var last = range.To ?? days.Keys.Max();
            if (last.DayNumber - first.DayNumber >= ViewQuery.MaxSeriesDays)
            {
                throw new RequestValidationException("to", $"A time series spans at most {ViewQuery.MaxSeriesDays} days; narrow from and to.");
            }

            for (var day = first; day <= last; day = day.AddDays(1))
            {
                items.Add(new DayRow(day, Metrics.From(days.GetValueOrDefault(day, Totals.Zero), campaign.Currency)));
            }
        }

        return new CampaignTimeseries(id, campaign.Currency, range.From, range.To, items);
    }

    /// <summary>The campaign as far as analytics knows it: from its events, or only from figures that arrived first. 404 when neither.</summary>
    private async Task<(string? Name, string? Currency, decimal? Budget)> CampaignAsync(Guid id, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.CampaignId == id, ct);
        if (campaign is not null)
        {
            return (campaign.Name, campaign.Currency, campaign.Budget);
        }

        var (exists, currency) = await queries.CampaignFiguresAsync(id, ct);
        return exists ? (null, currency, null) : throw new NotFoundException($"No campaign {id} has figures in this brand.");
    }
}
