using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AmbassadorNet.Webhooks.EventLog;

/// <summary>
/// What erasing a creator removes from the events kept about them: the creator's state (names,
/// handles, accounts, country), their handle on an invitation, their payee reference (and the last four
/// characters a proposal's event shows of it), the URLs and
/// captions of their content (a post's URL often holds their handle). Ids, amounts,
/// statuses and times stay, as in the ledger. Found by property name across the contracts, so a new
/// event with a creator's state is covered without a change here.
/// </summary>
public static class PersonalData
{
    /// <summary>The properties (camelCase, as in the JSON) an erasure removes wherever they appear.</summary>
    public static IReadOnlySet<string> Properties { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "creator", "creatorHandle", "displayName", "handle", "email", "payeeReference", "payeeReferenceLast4", "url", "submittedUrl", "caption",
    };

    private static readonly ConcurrentDictionary<Type, Func<object, Guid?>> CreatorIds = new();
    private static readonly ConcurrentDictionary<Type, bool> Carriers = new();

    /// <summary>The creator an event is about: its own <c>CreatorId</c>, or that of the state it carries (an enrollment's).</summary>
    public static Guid? CreatorOf(IIntegrationEvent message) => CreatorIds.GetOrAdd(message.GetType(), CreatorIdReader)(message);

    /// <summary>Whether events of this type can hold anything <see cref="Properties"/> names, at any depth (a post's caption sits in its state).</summary>
    public static bool MayCarry(Type eventType) => Carriers.GetOrAdd(eventType, type => Holds(type, []));

    private static bool Holds(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return false;
        }

        return type.GetProperties().Any(p =>
            Properties.Contains(JsonNamingPolicy.CamelCase.ConvertName(p.Name)) || (Nested(p.PropertyType) is { } nested && Holds(nested, seen)));
    }

    /// <summary>The record a property holds, itself or as the items of a list; null for strings, values and the like.</summary>
    private static Type? Nested(Type type)
    {
        var item = type.IsGenericType && type.GetGenericArguments() is [var only] ? only : type;
        return item.IsClass && item != typeof(string) && item.Namespace?.StartsWith("AmbassadorNet.Contracts", StringComparison.Ordinal) == true ? item : null;
    }

    /// <summary>The event's JSON without the personal properties, at any depth; null when it held none.</summary>
    public static string? Scrub(string json)
    {
        var node = JsonNode.Parse(json) ?? throw new JsonException("An event's data cannot be null.");
        return Remove(node) ? node.ToJsonString() : null;
    }

    private static bool Remove(JsonNode node)
    {
        var removed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).Where(Properties.Contains).ToList())
                {
                    removed |= obj.Remove(name);
                }

                foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>())
                {
                    removed |= Remove(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>())
                {
                    removed |= Remove(child);
                }

                break;
        }

        return removed;
    }

    private static Func<object, Guid?> CreatorIdReader(Type type)
    {
        if (CreatorIdProperty(type) is { } own)
        {
            return message => (Guid?)own.GetValue(message);
        }

        foreach (var carrier in type.GetProperties().Where(p => p.PropertyType.IsClass && p.PropertyType != typeof(string)))
        {
            if (CreatorIdProperty(carrier.PropertyType) is { } nested)
            {
                return message => carrier.GetValue(message) is { } state ? (Guid?)nested.GetValue(state) : null;
            }
        }

        return _ => null;
    }

    private static PropertyInfo? CreatorIdProperty(Type type) =>
        type.GetProperty("CreatorId") is { } property && (property.PropertyType == typeof(Guid) || property.PropertyType == typeof(Guid?)) ? property : null;
}
