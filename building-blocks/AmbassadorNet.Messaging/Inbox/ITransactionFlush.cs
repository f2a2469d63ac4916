namespace AmbassadorNet.Messaging.Inbox;

/// <summary>
/// Work a handler defers to the end of its transaction, done once for every message the transaction
/// applies: a batch's counters in one statement instead of one per message. The inbox pipeline calls
/// each scoped implementation after the handlers and before the save, in the same transaction.
/// </summary>
public interface ITransactionFlush
{
    Task FlushAsync(CancellationToken cancellationToken);
}
