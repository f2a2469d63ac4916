using AmbassadorNet.Webhooks.Persistence;

namespace AmbassadorNet.Webhooks.Delivery;

/// <summary>
/// Claims due deliveries across all brands. FOR UPDATE SKIP LOCKED lets workers (and replicas) share
/// the rows without blocking; the lease, written in the same statement, keeps a claimed row away from
/// other workers while it is being sent and hands it back if the worker dies (at-least-once).
/// </summary>
public sealed class DeliveryClaims(IServiceScopeFactory scopes, TimeProvider clock, IOptions<WebhookOptions> options)
{
    private const string ClaimSql = """
        UPDATE webhook_deliveries SET lease_id = {0}, lease_expires_at = {1}
        WHERE id IN (
            SELECT id FROM webhook_deliveries
            WHERE status = 'pending' AND next_attempt_at <= {2} AND (lease_expires_at IS NULL OR lease_expires_at <= {2})
            ORDER BY next_attempt_at
            LIMIT {3}
            FOR UPDATE SKIP LOCKED)
        RETURNING *
        """;

    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebhooksDbContext>();
        var now = clock.GetUtcNow();
        var leaseId = Guid.CreateVersion7(now);
        var claimed = await db.Deliveries.FromSqlRaw(ClaimSql, leaseId, now + options.Value.LeaseDuration, now, options.Value.BatchSize)
            .IgnoreQueryFilters([BrandScopedDbContext.BrandFilter]).AsNoTracking().ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return [];
        }

        var ids = claimed.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.Subscriptions.IgnoreQueryFilters([BrandScopedDbContext.BrandFilter]).AsNoTracking()
            .Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        return claimed.Select(d => new ClaimedDelivery(d, leaseId,
            subscriptions.GetValueOrDefault(d.SubscriptionId) is { Status: SubscriptionStatus.Active } active ? active : null)).ToList();
    }
}
