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

    /// <summary>Whether the published events are kept until an operator sets <c>Outbox:Retention</c>.</summary>
    public bool KeepsEventLog { get; private set; }

    /// <summary>
    /// For the money path: the events a service published are the audit trail of its books and what
    /// rebuilds its consumers after a restore, so they are kept instead of pruned after 30 days.
    /// <c>Outbox:Retention</c>, when set, still wins.
    /// </summary>
    public MessagingBuilder<TContext> KeepEventLog()
    {
        KeepsEventLog = true;
        return this;
    }

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
