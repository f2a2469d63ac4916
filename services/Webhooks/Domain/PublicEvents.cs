using System.Reflection;
using AmbassadorNet.Contracts.Webhooks;

namespace AmbassadorNet.Webhooks.Domain;

/// <summary>
/// The events partners can subscribe to: every integration event in the contracts assembly, found by
/// reflection so a new event joins without a change here. Our own webhooks events are left out:
/// they report on the health of this very channel (a subscription disabled because its endpoint
/// fails), so they are for the brand's operators on the broker, and delivering them through the
/// webhooks they describe would be circular. Events marked <see cref="InternalEventAttribute"/> (the
/// audit records, which hold personal data and exist to be chained) are left out too, and so are
/// retired events (<see cref="RetiredEventAttribute"/>): nothing publishes them any more.
/// </summary>
public static class PublicEvents
{
    public static IReadOnlyList<Type> Types { get; } = typeof(IIntegrationEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
        .Where(t => t.Namespace != typeof(WebhookSubscriptionDisabled).Namespace && !t.IsDefined(typeof(InternalEventAttribute), inherit: false)
            && !t.IsDefined(typeof(RetiredEventAttribute), inherit: false))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>Partner-facing name → event type.</summary>
    public static IReadOnlyDictionary<string, Type> ByName { get; } = Types.ToDictionary(EventTypeNames.Of, t => t, StringComparer.Ordinal);

    /// <summary>Retired event name → the name of the event that replaced it: no longer offered, but still in the brands' event logs from before.</summary>
    public static IReadOnlyDictionary<string, string> Retired { get; } = typeof(IIntegrationEvent).Assembly.GetTypes()
        .Select(t => (Type: t, Retired: t.GetCustomAttribute<RetiredEventAttribute>(inherit: false)))
        .Where(t => t.Retired is not null)
        .ToDictionary(t => EventTypeNames.Of(t.Type), t => EventTypeNames.Of(t.Retired!.ReplacedBy), StringComparer.Ordinal);

    /// <summary>Event type → partner-facing name, worked out once rather than for every message fanned out.</summary>
    public static IReadOnlyDictionary<Type, string> NameOf { get; } = ByName.ToDictionary(pair => pair.Value, pair => pair.Key);
}
