namespace AmbassadorNet.Messaging.Registration;

/// <summary>The events this service consumes, by message type and by consumer (endpoint) name.</summary>
public sealed class HandlerCatalog(IReadOnlyList<HandlerRegistration> handlers)
{
    public IReadOnlyList<HandlerRegistration> Handlers => handlers;

    public string EndpointOf(Type messageType) => Of(messageType).EndpointName;

    public HandlerRegistration Of(Type messageType) => handlers.First(h => h.MessageType == messageType);

    public HandlerRegistration? ByEndpoint(string endpoint) => handlers.FirstOrDefault(h => h.EndpointName == endpoint);
}
