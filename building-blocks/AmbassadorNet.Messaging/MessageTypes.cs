using System.Collections.Concurrent;
using System.Text.Json;

namespace AmbassadorNet.Messaging;

/// <summary>How events are named and serialised in the outbox and parking tables.</summary>
public static class MessageTypes
{
    private static readonly ConcurrentDictionary<string, Type> Resolved = new();

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>"Namespace.Type, Assembly": stable across builds, unlike an assembly-qualified name with a version.</summary>
    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) =>
        Resolved.GetOrAdd(name, n => Type.GetType(n, throwOnError: false)
            ?? throw new InvalidOperationException($"Message type '{n}' is not known to this service."));

    public static string Serialize(object message, Type type) => JsonSerializer.Serialize(message, type, Json);

    public static object Deserialize(string body, Type type) =>
        JsonSerializer.Deserialize(body, type, Json) ?? throw new JsonException($"Empty {type.Name} body.");
}
