using System.Reflection;
using System.Text.RegularExpressions;
using AmbassadorNet.Contracts;
using AmbassadorNet.Messaging.Inbox;
using AmbassadorNet.Persistence.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AmbassadorNet.Messaging.Registration;

/// <summary>
/// Declares the handlers a service runs: <c>messaging.Handle&lt;CreatorReplicaHandler&gt;()</c>. A handler
/// takes the events it implements <see cref="IMessageHandler{TMessage}"/> for; an interface such as
/// <c>ICreatorStateChanged</c> stands for every event in the contracts that implements it. Each handler
/// has one queue, "{service}-{handler name without 'Handler'}", with the settings given here.
/// </summary>
public sealed partial class MessagingBuilder<TContext>(string service, IServiceCollection services)
    where TContext : BrandScopedDbContext
{
    private static readonly MethodInfo AddEventMethod = typeof(MessagingBuilder<TContext>).GetMethod(nameof(AddEvent), BindingFlags.NonPublic | BindingFlags.Instance)!;

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

    /// <summary>Whether the service reports ready while the broker is away (see <see cref="ServeWithoutBroker"/>).</summary>
    public bool ServesWithoutBroker { get; private set; }

    /// <summary>
    /// For a service that only publishes and must keep answering when the broker is away (the gateway): its
    /// events wait in its outbox meanwhile, so the broker's health is reported but does not decide readiness.
    /// </summary>
    public MessagingBuilder<TContext> ServeWithoutBroker()
    {
        ServesWithoutBroker = true;
        return this;
    }

    /// <summary>Runs <typeparamref name="THandler"/> for every event it declares, on a queue of its own.</summary>
    public MessagingBuilder<TContext> Handle<THandler>(Action<EndpointSettings>? configure = null) where THandler : class =>
        Handle<THandler>(DeclaredEvents(typeof(THandler)), configure);

    /// <summary>
    /// Runs <typeparamref name="THandler"/> for exactly <paramref name="events"/>, for a handler of a
    /// broad interface (every <see cref="IIntegrationEvent"/>) that should take only some of them.
    /// </summary>
    public MessagingBuilder<TContext> Handle<THandler>(IEnumerable<Type> events, Action<EndpointSettings>? configure = null) where THandler : class
    {
        var settings = new EndpointSettings();
        configure?.Invoke(settings);
        var handler = new HandlerRegistration(typeof(THandler), $"{Service}-{Kebab(BaseName(typeof(THandler)))}", settings);
        if (_handlers.Any(h => h.EndpointName == handler.EndpointName))
        {
            throw new InvalidOperationException($"{Service} has two handlers named like {typeof(THandler).Name}; each needs a queue of its own.");
        }

        services.TryAddScoped<THandler>();
        foreach (var messageType in events.Distinct())
        {
            AddEventMethod.MakeGenericMethod(messageType, typeof(THandler)).Invoke(this, [handler]);
        }

        if (handler.Events.Count == 0)
        {
            throw new InvalidOperationException($"{typeof(THandler).Name} takes no event.");
        }

        _handlers.Add(handler);
        return this;
    }

    private void AddEvent<TMessage, THandler>(HandlerRegistration handler)
        where TMessage : class, IIntegrationEvent
        where THandler : class
    {
        if (_handlers.Append(handler).SelectMany(h => h.Events).Any(e => e.MessageType == typeof(TMessage)))
        {
            throw new InvalidOperationException($"{Service} already handles {typeof(TMessage).Name}; one handler per event.");
        }

        if (!typeof(IMessageHandler<TMessage>).IsAssignableFrom(typeof(THandler)))
        {
            throw new InvalidOperationException($"{typeof(THandler).Name} cannot handle {typeof(TMessage).Name}.");
        }

        // One instance per message scope, whichever of its interfaces resolves it.
        services.AddScoped(provider => (IMessageHandler<TMessage>)provider.GetRequiredService<THandler>());
        var inboxKey = $"{Service}-{Kebab(typeof(TMessage).Name)}";
        handler.Add(new EventRegistration(
            handler,
            typeof(TMessage),
            typeof(InboxConsumer<TMessage, TContext>),
            inboxKey,
            (scope, message, context, cancellationToken) => scope.GetRequiredService<IMessageHandler<TMessage>>().HandleAsync((TMessage)message, context, cancellationToken),
            (scope, message, messageId, cancellationToken) => scope.GetRequiredService<InboxPipeline<TContext>>().ProcessAsync(
                scope, (TMessage)message, messageId, inboxKey, parked: null, cancellationToken),
            (scope, parked, cancellationToken) => scope.GetRequiredService<InboxPipeline<TContext>>().ProcessAsync(
                scope, (TMessage)MessageTypes.Deserialize(parked.Body, typeof(TMessage)), parked.MessageId, parked.Consumer, parked, cancellationToken),
            typeof(IPrepareBatch<TMessage>).IsAssignableFrom(typeof(THandler))
                ? (scope, messages, cancellationToken) => ((IPrepareBatch<TMessage>)scope.GetRequiredService<IMessageHandler<TMessage>>())
                    .PrepareAsync([.. messages.Cast<TMessage>()], cancellationToken)
                : (_, _, _) => Task.CompletedTask));
    }

    /// <summary>The events of every <see cref="IMessageHandler{TMessage}"/> the handler implements, interfaces expanded.</summary>
    private static IEnumerable<Type> DeclaredEvents(Type handler) => handler.GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IMessageHandler<>))
        .Select(i => i.GetGenericArguments()[0])
        .SelectMany(declared => declared.IsInterface ? EventsImplementing(declared) : [declared])
        .OrderBy(type => type.FullName, StringComparer.Ordinal);

    private static IEnumerable<Type> EventsImplementing(Type contract) => contract.Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && contract.IsAssignableFrom(t));

    private static string BaseName(Type handler)
    {
        var name = handler.Name.Split('`')[0];
        foreach (var suffix in new[] { "Handlers", "Handler" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    private static string Kebab(string name) => UpperCase().Replace(name, "-$1").TrimStart('-').ToLowerInvariant();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex UpperCase();
}
