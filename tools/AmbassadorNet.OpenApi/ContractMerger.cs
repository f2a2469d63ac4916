using System.Text.Json.Nodes;
using AmbassadorNet.Gateway.Routing;

namespace AmbassadorNet.OpenApi;

/// <summary>
/// One document for the whole API as a client sees it through the gateway: every application's
/// paths at their gateway address (<c>/ops/x</c> of a service is <c>/ops/{service}/x</c>), components
/// that are the same everywhere kept once, and those that differ under the same name, or operation
/// ids used twice, prefixed with their application ("Payouts" + "CreatorView").
/// </summary>
public static class ContractMerger
{
    private static readonly string[] ComponentKinds = ["schemas", "responses", "parameters", "requestBodies", "headers", "securitySchemes"];

    public static JsonObject Merge(IReadOnlyList<(string Name, JsonObject Document)> documents)
    {
        var copies = documents.Select(d => (d.Name, Document: d.Document.DeepClone().AsObject())).ToList();
        PrefixCollidingComponents(copies);
        PrefixCollidingOperationIds(copies);

        var merged = new JsonObject
        {
            ["openapi"] = copies[0].Document["openapi"]!.DeepClone(),
            ["info"] = new JsonObject
            {
                ["title"] = "AmbassadorNet",
                ["version"] = "1",
                ["description"] = "The whole AmbassadorNet API through the gateway, with `Authorization: Bearer <API key>`. "
                    + "Errors are RFC 9457 problem details. Versioning and deprecation: docs/api-versioning.md.",
            },
            ["servers"] = copies[0].Document["servers"]!.DeepClone(),
            ["paths"] = MergePaths(copies),
            ["components"] = MergeComponents(copies),
            ["tags"] = MergeTags(copies),
        };
        return merged;
    }

    private static JsonObject MergePaths(List<(string Name, JsonObject Document)> documents)
    {
        var paths = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (name, document) in documents)
        {
            foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
            {
                var gatewayPath = name == GatewayServices.GatewayItself ? path : GatewayServices.GatewayPathFor(name, path);
                if (!paths.TryAdd(gatewayPath, item!.DeepClone()))
                {
                    throw new InvalidOperationException($"Path {gatewayPath} is documented by two applications; the gateway routes it to one.");
                }
            }
        }

        return new JsonObject(paths.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
    }

    private static JsonObject MergeComponents(List<(string Name, JsonObject Document)> documents)
    {
        var components = new JsonObject();
        foreach (var kind in ComponentKinds)
        {
            var entries = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
            foreach (var (_, document) in documents)
            {
                foreach (var (id, component) in Components(document, kind))
                {
                    // After prefixing, a name held twice holds the same component.
                    entries.TryAdd(id, component!.DeepClone());
                }
            }

            if (entries.Count > 0)
            {
                components[kind] = new JsonObject(entries.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value)));
            }
        }

        return components;
    }

    private static JsonArray MergeTags(List<(string Name, JsonObject Document)> documents)
    {
        var tags = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (_, document) in documents)
        {
            foreach (var tag in document["tags"]?.AsArray() ?? [])
            {
                tags.TryAdd(tag!["name"]!.GetValue<string>(), tag.DeepClone());
            }
        }

        return [.. tags.Values];
    }

    /// <summary>Renames until stable: renaming one schema can make two that refer to it differ.</summary>
    private static void PrefixCollidingComponents(List<(string Name, JsonObject Document)> documents)
    {
        bool renamed;
        do
        {
            renamed = false;
            foreach (var kind in ComponentKinds)
            {
                var colliding = documents
                    .SelectMany(d => Components(d.Document, kind).Select(c => (c.Key, Json: c.Value!.ToJsonString())))
                    .GroupBy(c => c.Key, StringComparer.Ordinal)
                    .Where(g => g.Select(c => c.Json).Distinct(StringComparer.Ordinal).Count() > 1)
                    .Select(g => g.Key)
                    .ToHashSet(StringComparer.Ordinal);
                foreach (var (name, document) in documents)
                {
                    var renames = Components(document, kind).Select(c => c.Key).Where(colliding.Contains)
                        .ToDictionary(id => id, id => Prefix(name) + id, StringComparer.Ordinal);
                    if (renames.Count > 0)
                    {
                        Rename(document, kind, renames);
                        renamed = true;
                    }
                }
            }
        }
        while (renamed);
    }

    private static void PrefixCollidingOperationIds(List<(string Name, JsonObject Document)> documents)
    {
        var operations = documents.SelectMany(d => Operations(d.Document).Select(o => (d.Name, Operation: o))).ToList();
        var duplicated = operations.GroupBy(o => o.Operation["operationId"]?.GetValue<string>(), StringComparer.Ordinal)
            .Where(g => g.Key is not null && g.Count() > 1).Select(g => g.Key!).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, operation) in operations)
        {
            if (operation["operationId"]?.GetValue<string>() is { } id && duplicated.Contains(id))
            {
                operation["operationId"] = Prefix(name) + id;
            }
        }
    }

    private static IEnumerable<JsonObject> Operations(JsonObject document) =>
        (document["paths"]?.AsObject() ?? []).SelectMany(path => path.Value!.AsObject())
            .Where(member => member.Value is JsonObject operation && operation.ContainsKey("responses"))
            .Select(member => member.Value!.AsObject());

    private static JsonObject Components(JsonObject document, string kind) => document["components"]?[kind]?.AsObject() ?? [];

    private static void Rename(JsonObject document, string kind, Dictionary<string, string> renames)
    {
        var components = Components(document, kind);
        foreach (var (from, to) in renames)
        {
            var component = components[from]!;
            components.Remove(from);
            components[to] = component;
        }

        var prefix = $"#/components/{kind}/";
        RewriteReferences(document, reference =>
            reference.StartsWith(prefix, StringComparison.Ordinal) && renames.TryGetValue(reference[prefix.Length..], out var to) ? prefix + to : reference);
    }

    private static void RewriteReferences(JsonNode? node, Func<string, string> rewrite)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue value && value.TryGetValue<string>(out var reference))
                {
                    obj["$ref"] = rewrite(reference);
                }

                foreach (var (_, child) in obj.ToList())
                {
                    RewriteReferences(child, rewrite);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RewriteReferences(child, rewrite);
                }

                break;
        }
    }

    private static string Prefix(string application) => char.ToUpperInvariant(application[0]) + application[1..];
}
