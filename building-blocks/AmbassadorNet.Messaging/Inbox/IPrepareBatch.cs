using AmbassadorNet.Contracts;

namespace AmbassadorNet.Messaging.Inbox;

/// <summary>
/// A handler that can read what a whole batch needs in a few queries, before it is called once per
/// message: the rows the messages name, loaded by their ids at once instead of one query per message.
/// The inbox pipeline calls it inside the batch's transaction with the messages it is about to apply
/// (duplicates already left out). Whatever it loads is a cache for this scope only; the handler must
/// still be right for a message the preparation did not see (a message applied alone is not prepared).
/// </summary>
public interface IPrepareBatch<in TMessage> where TMessage : class, IIntegrationEvent
{
    Task PrepareAsync(IReadOnlyList<TMessage> messages, CancellationToken cancellationToken);
}
