using System.Text.Json;

namespace AppHost.Tests;

/// <summary>Reads OTLP's JSON shape (resourceSpans → resource attributes, scopeSpans → spans), as the dashboard's telemetry API returns it.</summary>
internal static class OtlpJson
{
    public static IReadOnlySet<string> ServiceNamesOfSpans(JsonElement root, string traceId)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resourceSpans in FindArrays(root, "resourceSpans").SelectMany(a => a.EnumerateArray()))
        {
            var service = ServiceName(resourceSpans);
            var spans = FindArrays(resourceSpans, "spans").SelectMany(a => a.EnumerateArray());
            if (service is not null && spans.Any(span => span.TryGetProperty("traceId", out var id) && string.Equals(id.GetString(), traceId, StringComparison.OrdinalIgnoreCase)))
            {
                names.Add(service);
            }
        }

        return names;
    }

    private static string? ServiceName(JsonElement resourceSpans) =>
        resourceSpans.TryGetProperty("resource", out var resource) && resource.TryGetProperty("attributes", out var attributes)
            ? attributes.EnumerateArray()
                .Where(a => a.GetProperty("key").GetString() == "service.name")
                .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString())
                .FirstOrDefault()
            : null;

    /// <summary>Every array under a property of that name, at any depth: the API wraps the OTLP payload.</summary>
    private static IEnumerable<JsonElement> FindArrays(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals(name) && property.Value.ValueKind == JsonValueKind.Array)
                {
                    yield return property.Value;
                }
                else
                {
                    foreach (var nested in FindArrays(property.Value, name))
                    {
                        yield return nested;
                    }
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var nested in FindArrays(item, name))
                {
                    yield return nested;
                }
            }
        }
    }
}
