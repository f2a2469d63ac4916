using System.Text.Json;
using System.Text.Json.Nodes;
using AmbassadorNet.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace AmbassadorNet.OpenApi;

/// <summary>The files of docs/openapi/: one document per application and the merged one, as their text.</summary>
public static class ContractDocuments
{
    public const string MergedFileName = "ambassadornet.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>File name → content, in a stable order, with a final newline (so diffs stay quiet).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> GenerateAsync(CancellationToken cancellationToken = default)
    {
        var documents = new List<(string Name, JsonObject Document)>();
        foreach (var (name, build) in ContractApps.All)
        {
            documents.Add((name, await DocumentOfAsync(build, cancellationToken)));
        }

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, document) in documents)
        {
            files[$"{name}.json"] = Text(document);
        }

        files[MergedFileName] = Text(ContractMerger.Merge(documents));
        return files;
    }

    private static async Task<JsonObject> DocumentOfAsync(Func<WebApplication> build, CancellationToken cancellationToken)
    {
        await using var app = build();
        // Starting the app would build its pipeline, which hands the mapped endpoints to routing; a
        // document needs only that step, not the servers and hosted services a start brings.
        app.UseEndpoints(_ => { });
        var provider = app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(ServiceOpenApiRegistration.DocumentName);
        var document = await provider.GetOpenApiDocumentAsync(cancellationToken);
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken);
        return JsonNode.Parse(json)!.AsObject();
    }

    private static string Text(JsonObject document) => document.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
}
