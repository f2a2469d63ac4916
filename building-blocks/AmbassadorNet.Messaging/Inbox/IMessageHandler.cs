using AmbassadorNet.Contracts;

namespace AmbassadorNet.Messaging.Inbox;

/// <summary>
/// Applies one integration event to the service's DbContext. The handler only changes tracked
/// entities (and may add outbox events); the inbox pipeline saves them together with the inbox row
/// in one transaction. A handler whose prerequisite is missing returns <see cref="HandleResult.Park"/>.
/// </summary>
public interface IMessageHandler<in TMessage> where TMessage : class, IIntegrationEvent
{
    Task<HandleResult> HandleAsync(TMessage message, InboundMessage context, CancellationToken cancellationToken);
}
