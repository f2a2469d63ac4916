using AmbassadorNet.Messaging.Outbox;
using AmbassadorNet.Messaging.Parking;
using AmbassadorNet.Persistence.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AmbassadorNet.Messaging.Operations;

/// <summary>Operator actions on a service's own messaging tables.</summary>
public sealed class OutboxAdministration<TContext>(IServiceScopeFactory scopes, OutboxSignal signal)
    where TContext : BrandScopedDbContext
{
    /// <summary>
    /// Publishes again every kept event created since <paramref name="since"/>, with its original
    /// MessageId: consumers that already applied one skip it through their inbox, so a consumer that
    /// cleared its read model and inbox rebuilds from the log.
    /// </summary>
    public async Task<int> RepublishSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var count = await scope.ServiceProvider.GetRequiredService<TContext>().Set<OutboxMessage>()
            .Where(m => m.CreatedAt >= since && m.DispatchedAt != null)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.DispatchedAt, (DateTimeOffset?)null), cancellationToken);
        signal.Notify();
        return count;
    }

    public async Task<IReadOnlyList<ParkedMessageView>> ParkedAsync(int limit, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TContext>().Set<ParkedMessage>()
            .OrderBy(p => p.ParkedAt).Take(limit)
            .Select(p => new ParkedMessageView(p.Id, p.MessageId, p.Consumer, p.MessageType, p.BrandId, p.Prerequisite, p.Reason, p.ParkedAt, p.Attempts, p.LastAttemptAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> PendingCountAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TContext>().Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null, cancellationToken);
    }
}

public sealed record ParkedMessageView(
    Guid Id, Guid MessageId, string Consumer, string MessageType, Guid BrandId, string Prerequisite, string Reason,
    DateTimeOffset ParkedAt, int Attempts, DateTimeOffset? LastAttemptAt);
