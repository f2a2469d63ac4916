using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AmbassadorNet.Messaging.Outbox;

/// <summary>Notifies the dispatcher after a SaveChanges that wrote outbox rows outside an explicit transaction.</summary>
internal sealed class OutboxSaveChangesInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null
            && context.ChangeTracker.Entries<OutboxMessage>().Any())
        {
            signal.Notify();
        }

        return ValueTask.FromResult(result);
    }
}

/// <summary>Notifies the dispatcher after any explicit transaction commits; it may have written outbox rows.</summary>
internal sealed class OutboxTransactionInterceptor(OutboxSignal signal) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}
