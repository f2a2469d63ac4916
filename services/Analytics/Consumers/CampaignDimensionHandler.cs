using AmbassadorNet.Analytics.Budget;
using AmbassadorNet.Contracts.Campaigns;

namespace AmbassadorNet.Analytics.Consumers;

/// <summary>
/// Keeps the campaign dimension (name, currency, budget) from every campaign event; a version not
/// newer than the stored one changes nothing. Counts never wait for it: rollups hold the ids, the
/// dimension fills in whenever it arrives. A budget that arrives or shrinks is checked at once.
/// </summary>
public sealed class CampaignDimensionHandler(AnalyticsDbContext db, TimeProvider clock, BudgetMonitor budget) : IMessageHandler<ICampaignStateChanged>
{

    public Task<HandleResult> HandleAsync(ICampaignStateChanged m, InboundMessage context, CancellationToken ct) => ApplyAsync(m.Version, m.Campaign, ct);

    private async Task<HandleResult> ApplyAsync(long version, CampaignState state, CancellationToken ct)
    {
        var currency = state.Terms.Currency;
        // A budget is only meaningful in the campaign's currency; campaigns never mix them.
        var budgetAmount = state.Budget is { } b && b.Currency == currency ? b.Amount : (decimal?)null;
        var changed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO campaign_dims AS d (campaign_id, brand_id, name, currency, budget, status, version, updated_at)
            VALUES ({state.CampaignId}, {db.CurrentBrandId}, {state.Name}, {currency}, {budgetAmount}, {state.Status}, {version}, {clock.GetUtcNow()})
            ON CONFLICT (campaign_id) DO UPDATE SET name = EXCLUDED.name, currency = EXCLUDED.currency, budget = EXCLUDED.budget,
                status = EXCLUDED.status, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
            WHERE d.version < EXCLUDED.version AND d.brand_id = EXCLUDED.brand_id
            """, ct);
        if (changed == 1)
        {
            await budget.CheckAsync(state.CampaignId, ct);
        }

        return HandleResult.Done;
    }
}
