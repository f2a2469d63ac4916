using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AmbassadorNet.Messaging.Outbox;

/// <summary>Notifies the dispatcher after a SaveChanges that wrote outbox rows outside an explicit transaction.</summary>
internal sealed class OutboxSaveChangesInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && PendingEvents.Tracked(context))
        {
            signal.Notify();
        }

        return ValueTask.FromResult(result);
    }
}

/// <summary>
/// Notifies the dispatcher after an explicit transaction commits with outbox rows still to publish.
/// Commits without new events (most consumers' inbox transactions, the dispatcher's own) do not wake
/// it: each wake-up is a claim query, and a consumer that publishes nothing (webhooks) would
/// otherwise poll its empty outbox once per message it consumed. Rows the tracker no longer holds
/// are found at the next poll interval.
/// </summary>
internal sealed class OutboxTransactionInterceptor(OutboxSignal signal) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || PendingEvents.Tracked(context))
        {
            signal.Notify();
        }

        return Task.CompletedTask;
    }
}

/// <summary>Whether a context tracks outbox rows not yet published.</summary>
internal static class PendingEvents
{
    /// <summary>
    /// Read without DetectChanges: this runs after every save and commit (a hot path), when the
    /// tracker has just been saved, so a scan for changes would find nothing to add.
    /// </summary>
    public static bool Tracked(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries<OutboxMessage>().Any(e => e.Entity.DispatchedAt is null);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
