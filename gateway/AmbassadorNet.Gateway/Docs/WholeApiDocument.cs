using AmbassadorNet.Gateway.Routing;

namespace AmbassadorNet.Gateway.Docs;

/// <summary>
/// The merged document of the whole API, as checked in under docs/openapi/ and built into this
/// assembly: it is generated from every application's endpoints (tools/AmbassadorNet.OpenApi), and
/// Contract.Tests fails when it is stale, so serving the file serves the code's contract without
/// the gateway having to reach every service first.
/// </summary>
internal static class WholeApiDocument
{
    public const string ResourceName = "AmbassadorNet.Gateway.Docs.ambassadornet.json";

    public static IEndpointConventionBuilder MapWholeApiDocument(this IEndpointRouteBuilder app)
    {
        var content = Read();
        return app.MapGet(GatewayServices.OpenApiPath(GatewayServices.WholeApi), () => TypedResults.Text(content, "application/json"))
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private static string Read()
    {
        using var stream = typeof(WholeApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not built into the gateway (see its project file).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
