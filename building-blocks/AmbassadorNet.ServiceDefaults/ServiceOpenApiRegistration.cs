using AmbassadorNet.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AmbassadorNet.ServiceDefaults;

/// <summary>
/// The published contract of a service (or the gateway): one OpenAPI document whose security,
/// error responses and tags are derived from the endpoints' own metadata, so the document cannot
/// drift from what the code enforces. docs/api-versioning.md says how it may change.
/// </summary>
public static class ServiceOpenApiRegistration
{
    /// <summary>The document every service serves; the gateway proxies it under its own name.</summary>
    public const string DocumentName = "v1";

    /// <param name="tags">A description for every tag the service's endpoints use (the linter requires one).</param>
    public static IHostApplicationBuilder AddServiceOpenApi(this IHostApplicationBuilder builder, string serviceName, IReadOnlyDictionary<string, string> tags)
    {
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer(new ContractDocumentTransformer(serviceName, tags));
            options.AddOperationTransformer<AccessOperationTransformer>();
            options.AddOperationTransformer<ProblemResponsesTransformer>();
        });
        return builder;
    }

    /// <summary>Serves the document without a key: the API page reads it before anyone signs in.</summary>
    public static IEndpointConventionBuilder MapServiceOpenApi(this IEndpointRouteBuilder app, string pattern = "/openapi/{documentName}.json") =>
        app.MapOpenApi(pattern).AllowAnonymous();
}
