using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AmbassadorNet.ServiceDefaults.OpenApi;

/// <summary>What the whole document carries: its title, the API key scheme, the problem responses the operations refer to, and described tags.</summary>
internal sealed class ContractDocumentTransformer(string serviceName, IReadOnlyDictionary<string, string> tagDescriptions) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = $"AmbassadorNet {serviceName}",
            Version = "1",
            Description = $"The {serviceName} part of the AmbassadorNet API, reached through the gateway with `Authorization: Bearer <API key>`. "
                + "Errors are RFC 9457 problem details. Versioning and deprecation: docs/api-versioning.md.",
        };
        // Relative to where the document was fetched: the gateway, which is the only public address.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The gateway that served this document" }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ContractVocabulary.ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An AmbassadorNet API key (or the operator key). The gateway checks it and forwards a short-lived internal token; "
                + "each operation names the role-table row (docs/architecture.md) whose roles may call it.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ContractVocabulary.ProblemSchema] = ProblemSchema();
        document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        var referenced = ReferencedResponses(document);
        foreach (var (status, id, description) in ContractVocabulary.Problems.Where(problem => referenced.Contains(problem.Id)))
        {
            document.Components.Responses[id] = ProblemResponse(document, status, description);
        }

        document.Tags = DescribedTags(document);
        return Task.CompletedTask;
    }

    /// <summary>Operation transformers run first and refer to shared responses; only those are defined.</summary>
    private static HashSet<string> ReferencedResponses(OpenApiDocument document) =>
    [
        .. Operations(document).SelectMany(operation => operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
            .OfType<OpenApiResponseReference>()
            .Select(response => response.Reference.Id!),
    ];

    private static IEnumerable<OpenApiOperation> Operations(OpenApiDocument document) =>
        document.Paths.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []);

    private HashSet<OpenApiTag> DescribedTags(OpenApiDocument document)
    {
        var used = Operations(document)
            .SelectMany(operation => operation.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(tag => tag.Name!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return [.. used.Select(name => new OpenApiTag
        {
            Name = name,
            // A tag without words fails here, not later in the linter, with the fix in the message.
            Description = tagDescriptions.TryGetValue(name, out var description) || ContractVocabulary.SharedTags.TryGetValue(name, out description)
                ? description
                : throw new InvalidOperationException($"Tag '{name}' of the {serviceName} document has no description: add it to AddServiceOpenApi."),
        })];
    }

    private static OpenApiResponse ProblemResponse(OpenApiDocument document, int status, string description)
    {
        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ContractVocabulary.ProblemMediaType] = new() { Schema = new OpenApiSchemaReference(ContractVocabulary.ProblemSchema, document) },
            },
        };
        if (status == 429)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds until the key's (or address's) bucket has a token again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            };
        }

        return response;
    }

    /// <summary>RFC 9457, with the members this system adds: field errors and the trace id.</summary>
    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details. `type` is stable for problems a client branches on (docs/partners.md).",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "For 400: the fields to correct, each with its messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
        AdditionalPropertiesAllowed = true,
    };
}
