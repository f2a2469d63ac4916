using AmbassadorNet.Analytics.Domain.Experiments;
using AmbassadorNet.Contracts.Analytics;

namespace AmbassadorNet.Analytics.Experiments;

/// <summary>
/// Publishes ExperimentSignificanceReached the first time a variant of a running experiment converts
/// differently from the control at the brand's α. Checked in the transaction that counted new facts
/// of the experiment's posts (or learned a post's variant or the experiment itself), so it judges
/// the figures just written; the announcement's row and the outbox event commit together, and the
/// row's key makes each announcement once-only, also when the verdict later falls back.
/// </summary>
public sealed class ExperimentMonitor(AnalyticsDbContext db, ExperimentQueries queries, ExperimentFigures figures, TimeProvider clock)
{
    public async Task CheckPostsAsync(IReadOnlyCollection<Guid> postIds, CancellationToken ct)
    {
        if (postIds.Count > 0)
        {
            await CheckAsync(await queries.RunningExperimentsOfAsync(postIds, ct), ct);
        }
    }

    public async Task CheckAsync(IEnumerable<Guid> experimentIds, CancellationToken ct)
    {
        foreach (var id in experimentIds)
        {
            var experiment = await db.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.ExperimentId == id, ct);
            if (experiment is not { IsRunning: true })
            {
                continue; // not known yet (its start will check), or ended
            }

            var (design, comparison) = await figures.CompareAsync(experiment, ct);
            var control = comparison[design.Control].Counts;
            foreach (var (key, (counts, outcome)) in comparison.Where(v => v.Value.Outcome is { IsSignificant: true }))
            {
                var now = clock.GetUtcNow();
                var claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO experiment_announcements (experiment_id, variant, brand_id, announced_at)
                    VALUES ({id}, {key}, {db.CurrentBrandId}, {now})
                    ON CONFLICT DO NOTHING
                    """, ct);
                if (claimed == 1)
                {
                    db.AddEvent(new ExperimentSignificanceReached(
                        db.CurrentBrandId, now, id, experiment.CampaignId, key, design.Control, counts.Clicks, counts.Orders, control.Clicks, control.Orders,
                        Rate(counts), Rate(control), Metrics.Round((decimal)outcome!.AdjustedPValue!.Value, Metrics.RateDecimals), design.SignificanceLevel), clock);
                }
            }
        }
    }

    /// <summary>Orders ÷ clicks, rounded as the report rounds it; a significant variant and its control always have clicks.</summary>
    private static decimal Rate(ConversionCounts c) => Metrics.Ratio(c.Orders, c.Clicks, Metrics.RateDecimals)!.Value;
}
