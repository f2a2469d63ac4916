using AmbassadorNet.Contracts.Creators;

namespace AmbassadorNet.Analytics.Consumers;

/// <summary>
/// Keeps the creator dimension (name, main handle, tier, engagement) from every creator event; a
/// version not newer than the stored one changes nothing. Erasure scrubs the name and handle and
/// keeps the id, tier and every count.
/// </summary>
public sealed class CreatorDimensionHandler(AnalyticsDbContext db, TimeProvider clock) : IMessageHandler<ICreatorStateChanged>
{
    public const string ErasedName = "Erased creator";

    public Task<HandleResult> HandleAsync(ICreatorStateChanged m, InboundMessage context, CancellationToken ct) =>
        m.Creator is { } state ? ApplyAsync(m.CreatorId, m.Version, state, ct) : EraseAsync(m.CreatorId, m.Version, ct);

    private async Task<HandleResult> EraseAsync(Guid creatorId, long version, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO creator_dims AS d (creator_id, brand_id, display_name, handle, tier, engagement_rate, followers, status, version, updated_at)
            VALUES ({creatorId}, {db.CurrentBrandId}, {ErasedName}, NULL, '', NULL, 0, 'erased', {version}, {clock.GetUtcNow()})
            ON CONFLICT (creator_id) DO UPDATE SET display_name = EXCLUDED.display_name, handle = NULL, status = 'erased',
                version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
            WHERE d.version < EXCLUDED.version AND d.brand_id = EXCLUDED.brand_id
            """, ct);
        return HandleResult.Done;
    }

    private async Task<HandleResult> ApplyAsync(Guid creatorId, long version, CreatorState s, CancellationToken ct)
    {
        var handle = s.Accounts.OrderByDescending(a => a.Followers).Select(a => a.Handle).FirstOrDefault();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO creator_dims AS d (creator_id, brand_id, display_name, handle, tier, engagement_rate, followers, status, version, updated_at)
            VALUES ({creatorId}, {db.CurrentBrandId}, {s.DisplayName}, {handle}, {s.Tier}, {s.EngagementRate}, {s.Followers}, {s.Status}, {version}, {clock.GetUtcNow()})
            ON CONFLICT (creator_id) DO UPDATE SET display_name = EXCLUDED.display_name, handle = EXCLUDED.handle, tier = EXCLUDED.tier,
                engagement_rate = EXCLUDED.engagement_rate, followers = EXCLUDED.followers, status = EXCLUDED.status,
                version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
            WHERE d.version < EXCLUDED.version AND d.brand_id = EXCLUDED.brand_id
            """, ct);
        return HandleResult.Done;
    }
}
