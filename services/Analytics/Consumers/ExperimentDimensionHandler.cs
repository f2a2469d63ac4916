using System.Text.Json;
using AmbassadorNet.Analytics.Experiments;
using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Persistence.Conventions;

namespace AmbassadorNet.Analytics.Consumers;

/// <summary>
/// Keeps the experiment dimension (variants, control, α, running or ended) from ExperimentStarted
/// and ExperimentEnded; a version not newer than the stored one changes nothing, so an end that
/// arrives before the start is kept and the start then changes nothing. A start learned after its
/// posts' figures checks the experiment at once.
/// </summary>
public sealed class ExperimentDimensionHandler(AnalyticsDbContext db, TimeProvider clock, ExperimentMonitor monitor) :
    IMessageHandler<ExperimentStarted>, IMessageHandler<ExperimentEnded>
{
    public Task<HandleResult> HandleAsync(ExperimentStarted m, InboundMessage context, CancellationToken ct) => ApplyAsync(m.Version, m.Experiment, ct);

    public Task<HandleResult> HandleAsync(ExperimentEnded m, InboundMessage context, CancellationToken ct) => ApplyAsync(m.Version, m.Experiment, ct);

    private async Task<HandleResult> ApplyAsync(long version, ExperimentState e, CancellationToken ct)
    {
        var variants = JsonSerializer.Serialize(e.Variants.Select(v => new ExperimentVariantName(v.Key, v.Name)).ToList(), JsonColumn.Options);
        var changed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO experiment_dims AS d (experiment_id, brand_id, campaign_id, name, variants, control_variant, assignment, seed, significance_level,
                                              status, started_at, ended_at, version, updated_at)
            VALUES ({e.ExperimentId}, {db.CurrentBrandId}, {e.CampaignId}, {e.Name}, {variants}, {e.ControlVariant}, {e.Assignment}, {e.Seed},
                    {e.SignificanceLevel}, {e.Status}, {e.StartedAt}, {e.EndedAt}, {version}, {clock.GetUtcNow()})
            ON CONFLICT (experiment_id) DO UPDATE SET name = EXCLUDED.name, variants = EXCLUDED.variants, control_variant = EXCLUDED.control_variant,
                significance_level = EXCLUDED.significance_level, status = EXCLUDED.status, ended_at = EXCLUDED.ended_at,
                version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
            WHERE d.version < EXCLUDED.version AND d.brand_id = EXCLUDED.brand_id
            """, ct);
        if (changed == 1)
        {
            await monitor.CheckAsync([e.ExperimentId], ct);
        }

        return HandleResult.Done;
    }
}
