namespace AmbassadorNet.Messaging.Registration;

/// <summary>The handlers of this service (one queue each) and the events they take.</summary>
public sealed class HandlerCatalog(IReadOnlyList<HandlerRegistration> handlers)
{
    private readonly Dictionary<Type, EventRegistration> _byType = handlers.SelectMany(h => h.Events).ToDictionary(e => e.MessageType);

    public IReadOnlyList<HandlerRegistration> Handlers => handlers;

    public IEnumerable<EventRegistration> Events => handlers.SelectMany(h => h.Events);

    public EventRegistration Of(Type messageType) => _byType[messageType];

    public HandlerRegistration? ByEndpoint(string endpoint) => handlers.FirstOrDefault(h => h.EndpointName == endpoint);

    public EventRegistration? ByInboxKey(string inboxKey) => Events.FirstOrDefault(e => e.InboxKey == inboxKey);
}
