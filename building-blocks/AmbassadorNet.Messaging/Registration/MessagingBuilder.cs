using System.Text.RegularExpressions;
using AmbassadorNet.Contracts;
using AmbassadorNet.Messaging.Inbox;
using AmbassadorNet.Persistence.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace AmbassadorNet.Messaging.Registration;

/// <summary>Declares the events a service consumes: <c>messaging.Handle&lt;CreatorApproved, CreatorApprovedHandler&gt;()</c>.</summary>
public sealed partial class MessagingBuilder<TContext>(string service, IServiceCollection services)
    where TContext : BrandScopedDbContext
{
    private readonly List<HandlerRegistration> _handlers = [];

    public string Service { get; } = service;

    public IReadOnlyList<HandlerRegistration> Handlers => _handlers;

    public MessagingBuilder<TContext> Handle<TMessage, THandler>(Action<EndpointSettings>? configure = null)
        where TMessage : class, IIntegrationEvent
        where THandler : class, IMessageHandler<TMessage>
    {
        if (_handlers.Any(h => h.MessageType == typeof(TMessage)))
        {
            throw new InvalidOperationException($"{Service} already handles {typeof(TMessage).Name}; one handler per event.");
        }

        var settings = new EndpointSettings();
        configure?.Invoke(settings);
        var endpoint = $"{Service}-{Kebab(typeof(TMessage).Name)}";
        services.AddScoped<IMessageHandler<TMessage>, THandler>();
        _handlers.Add(new HandlerRegistration(
            typeof(TMessage),
            typeof(InboxConsumer<TMessage, TContext>),
            endpoint,
            settings,
            (scope, parked, cancellationToken) => scope.GetRequiredService<InboxPipeline<TContext>>().ProcessAsync(
                scope, (TMessage)MessageTypes.Deserialize(parked.Body, typeof(TMessage)), parked.MessageId, parked.Consumer, parked, cancellationToken)));
        return this;
    }

    private static string Kebab(string name) => UpperCase().Replace(name, "-$1").TrimStart('-').ToLowerInvariant();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex UpperCase();
}
