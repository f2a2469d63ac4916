using AmbassadorNet.Analytics.Experiments;
using AmbassadorNet.Contracts.Campaigns;

namespace AmbassadorNet.Analytics.Consumers;

/// <summary>
/// Keeps the post dimension (platform, format, market, language, when published, experiment and variant) from PostRecorded;
/// a version not newer than the stored one changes nothing. Figures never wait for it: a post's
/// rollups hold its ids, and the dimension fills in whenever it arrives.
/// </summary>
public sealed class PostDimensionHandler(AnalyticsDbContext db, TimeProvider clock, ExperimentMonitor experiments) : IMessageHandler<PostRecorded>
{
    public async Task<HandleResult> HandleAsync(PostRecorded m, InboundMessage context, CancellationToken ct)
    {
        var p = m.Post;
        var changed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO post_dims AS d (post_id, brand_id, campaign_id, enrollment_id, creator_id, platform, format, market, language, published_at,
                                        paid_partnership_label, creator_followers, experiment_id, variant, version, updated_at)
            VALUES ({m.PostId}, {db.CurrentBrandId}, {p.CampaignId}, {p.EnrollmentId}, {p.CreatorId}, {p.Platform}, {p.Format}, {p.Market}, {p.Language},
                    {p.PublishedAt}, {p.PaidPartnershipLabel}, {p.CreatorFollowers}, {p.ExperimentId}, {p.Variant}, {m.Version}, {clock.GetUtcNow()})
            ON CONFLICT (post_id) DO UPDATE SET platform = EXCLUDED.platform, format = EXCLUDED.format, market = EXCLUDED.market,
                language = EXCLUDED.language, published_at = EXCLUDED.published_at, paid_partnership_label = EXCLUDED.paid_partnership_label,
                creator_followers = EXCLUDED.creator_followers, experiment_id = EXCLUDED.experiment_id, variant = EXCLUDED.variant,
                version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
            WHERE d.version < EXCLUDED.version AND d.brand_id = EXCLUDED.brand_id
            """, ct);
        if (changed == 1 && p.ExperimentId is { } experimentId)
        {
            await experiments.CheckAsync([experimentId], ct); // its figures may have come first
        }

        return HandleResult.Done;
    }
}
