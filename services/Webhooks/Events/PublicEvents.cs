using System.Reflection;
using AmbassadorNet.Contracts;
using AmbassadorNet.Contracts.Webhooks;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.Webhooks.Domain;
using AmbassadorNet.Webhooks.Persistence;

namespace AmbassadorNet.Webhooks.Events;

/// <summary>
/// The events partners can subscribe to: every integration event in the contracts assembly, found by
/// reflection so a new event joins without a change here. Our own webhooks events are left out:
/// they report on the health of this very channel (a subscription disabled because its endpoint
/// fails), so they are for the brand's operators on the broker, and delivering them through the
/// webhooks they describe would be circular.
/// </summary>
public static class PublicEvents
{
    public static IReadOnlyList<Type> Types { get; } = typeof(IIntegrationEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
        .Where(t => t.Namespace != typeof(WebhookSubscriptionDisabled).Namespace)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>Partner-facing name → event type.</summary>
    public static IReadOnlyDictionary<string, Type> ByName { get; } = Types.ToDictionary(EventTypeNames.Of, t => t, StringComparer.Ordinal);

    private static readonly MethodInfo Handle = typeof(MessagingBuilder<WebhooksDbContext>).GetMethod(nameof(MessagingBuilder<WebhooksDbContext>.Handle))!;

    /// <summary>One inbox handler (and queue) per public event type.</summary>
    public static void RegisterHandlers(MessagingBuilder<WebhooksDbContext> messaging)
    {
        Action<EndpointSettings> endpoint = settings =>
        {
            // Many endpoints share one small connection pool; fanning an event out is a short insert.
            settings.ConcurrentMessageLimit = 2;
            settings.PrefetchCount = 16;
        };
        foreach (var type in Types)
        {
            Handle.MakeGenericMethod(type, typeof(PublicEventHandler<>).MakeGenericType(type)).Invoke(messaging, [endpoint]);
        }
    }
}
