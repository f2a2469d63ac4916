using AmbassadorNet.Contracts;
using AmbassadorNet.Messaging.Inbox;
using AmbassadorNet.Messaging.Parking;

namespace AmbassadorNet.Messaging.Registration;

/// <summary>One handler class: its queue, the queue's settings and the events it takes from it.</summary>
public sealed class HandlerRegistration(Type handlerType, string endpointName, EndpointSettings settings)
{
    private readonly List<EventRegistration> _events = [];

    public Type HandlerType { get; } = handlerType;

    /// <summary>The queue (and MassTransit receive endpoint) the handler's events arrive on.</summary>
    public string EndpointName { get; } = endpointName;

    public EndpointSettings Settings { get; } = settings;

    public IReadOnlyList<EventRegistration> Events => _events;

    internal void Add(EventRegistration registration) => _events.Add(registration);
}

/// <summary>
/// One event a handler takes: the MassTransit consumer of that type on the handler's queue, the key
/// the inbox and parking record it under, how to run the handler on it inside a batch's transaction,
/// how to apply it alone, how to replay a parked copy, and how to prepare a batch of it
/// (<see cref="IPrepareBatch{TMessage}"/>; nothing for a handler that does not).
/// </summary>
/// <param name="InboxKey">
/// "{service}-{event}", whatever queue the event arrives on: the inbox row says "this service
/// applied this message", so a message that sits in an old queue and a new one while the queue
/// layout changes is still applied once (see <see cref="Topology.RetiredQueueMigration"/>).
/// </param>
public sealed record EventRegistration(
    HandlerRegistration Handler,
    Type MessageType,
    Type ConsumerType,
    string InboxKey,
    Func<IServiceProvider, IIntegrationEvent, InboundMessage, CancellationToken, Task<HandleResult>> Handle,
    Func<IServiceProvider, IIntegrationEvent, Guid, CancellationToken, Task<InboxOutcome>> ProcessAlone,
    Func<IServiceProvider, ParkedMessage, CancellationToken, Task<InboxOutcome>> ReplayParked,
    Func<IServiceProvider, IReadOnlyList<IIntegrationEvent>, CancellationToken, Task> PrepareBatch);
