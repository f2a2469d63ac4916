using AmbassadorNet.Analytics.Budget;
using AmbassadorNet.Analytics.Experiments;

namespace AmbassadorNet.Analytics.Rollups;

/// <summary>
/// The facts one transaction counts, from every message it applies (a batch of conversions, say),
/// written at its end: one insert claims all their natural keys, one upsert adds the counters of
/// those not counted before (so a campaign-day row is written once per batch, not once per order),
/// then each campaign whose spend changed gets one budget check, and each running experiment whose
/// posts got new figures one significance check.
/// </summary>
public sealed class RollupBuffer(AnalyticsDbContext db, BudgetMonitor budget, ExperimentMonitor experiments, TimeProvider clock) : ITransactionFlush
{
    private readonly Dictionary<(string Kind, string Key), Fact> _facts = [];

    /// <summary>
    /// Counts a fact once, whatever the number of copies: <paramref name="kind"/> and
    /// <paramref name="key"/> are its natural key (a conversion id, a ledger transaction id).
    /// </summary>
    /// <param name="spend">Whether it changes the campaign's spend (commission and fees), which its budget is compared with.</param>
    public void Count(string kind, string key, IReadOnlyList<RollupDelta> deltas, bool spend = false) =>
        _facts.TryAdd((kind, key), new Fact(deltas, spend)); // a second copy in the same transaction is the same fact

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_facts.Count == 0)
        {
            return;
        }

        var claimed = await RollupWriter.ClaimAllAsync(db, _facts.Keys, clock.GetUtcNow(), cancellationToken);
        var counted = _facts.Where(f => claimed.Contains(f.Key)).Select(f => f.Value).ToList();
        _facts.Clear();
        if (counted.Count == 0)
        {
            return;
        }

        await RollupWriter.AddAsync(db, [.. counted.SelectMany(f => f.Deltas)], cancellationToken);
        var spent = counted.Where(f => f.Spend).SelectMany(f => f.Deltas)
            .GroupBy(d => (d.CampaignId, d.Currency))
            .Select(g => (g.Key.CampaignId, g.Key.Currency, Commission: g.Sum(d => d.Commission), Fees: g.Sum(d => d.Fees)))
            .OrderBy(s => s.CampaignId).ThenBy(s => s.Currency, StringComparer.Ordinal) // rows locked in key order
            .ToList();
        foreach (var (campaignId, currency, commission, fees) in spent)
        {
            await RollupWriter.AddSpendAsync(db, campaignId, currency, commission, fees, cancellationToken);
        }

        foreach (var campaignId in spent.Select(s => s.CampaignId).Distinct())
        {
            await budget.CheckAsync(campaignId, cancellationToken);
        }

        await experiments.CheckPostsAsync([.. counted.SelectMany(f => f.Deltas).Select(d => d.PostId).OfType<Guid>().Distinct()], cancellationToken);
    }

    private sealed record Fact(IReadOnlyList<RollupDelta> Deltas, bool Spend);
}
