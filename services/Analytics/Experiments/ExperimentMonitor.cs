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

            var (design, _, _, results) = await figures.OfAsync(experiment, ct);
            var control = results.Single(r => r.IsControl);
            foreach (var variant in results.Where(r => r.Comparison == "significant"))
            {
                var now = clock.GetUtcNow();
                var claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO experiment_announcements (experiment_id, variant, brand_id, announced_at)
                    VALUES ({id}, {variant.Key}, {db.CurrentBrandId}, {now})
                    ON CONFLICT DO NOTHING
                    """, ct);
                if (claimed == 1)
                {
                    db.AddEvent(new ExperimentSignificanceReached(
                        db.CurrentBrandId, now, id, experiment.CampaignId, variant.Key, design.Control, variant.Clicks, variant.Orders, control.Clicks,
                        control.Orders, variant.ConversionRate!.Value, control.ConversionRate!.Value, variant.AdjustedPValue!.Value, design.SignificanceLevel), clock);
                }
            }
        }
    }
}
