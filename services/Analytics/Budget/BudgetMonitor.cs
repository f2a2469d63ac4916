using AmbassadorNet.Contracts.Analytics;

namespace AmbassadorNet.Analytics.Budget;

/// <summary>
/// Publishes CampaignBudgetThresholdReached when a campaign's consumed budget (commission net of
/// reversals plus fees, in the campaign's currency) reaches 80% and 100%. The threshold's row and
/// the outbox event commit in the handler's transaction, and the row's key makes each announcement
/// once-only, also when consumption dips below and rises again.
/// </summary>
public sealed class BudgetMonitor(AnalyticsDbContext db, TimeProvider clock)
{
    public async Task CheckAsync(Guid campaignId, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.CampaignId == campaignId, ct);
        if (campaign?.Budget is not { } budget)
        {
            return; // no budget, or the campaign is not known yet: its event will check again
        }

        var spend = await db.Spend.AsNoTracking().SingleOrDefaultAsync(s => s.CampaignId == campaignId && s.Currency == campaign.Currency, ct);
        var consumed = spend is null ? 0m : spend.Commission + spend.Fees;
        var now = clock.GetUtcNow();
        foreach (var threshold in BudgetRules.Reached(budget, consumed))
        {
            var claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO budget_thresholds (brand_id, campaign_id, threshold_percent, budget, consumed, currency, reached_at)
                VALUES ({db.CurrentBrandId}, {campaignId}, {threshold}, {budget}, {consumed}, {campaign.Currency}, {now})
                ON CONFLICT DO NOTHING
                """, ct);
            if (claimed == 1)
            {
                db.AddEvent(new CampaignBudgetThresholdReached(db.CurrentBrandId, now, campaignId, threshold,
                    new MoneyAmount(budget, campaign.Currency), new MoneyAmount(consumed, campaign.Currency)), clock);
            }
        }
    }
}
