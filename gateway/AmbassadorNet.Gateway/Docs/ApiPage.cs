using AmbassadorNet.Gateway.Routing;

namespace AmbassadorNet.Gateway.Docs;

/// <summary>
/// One API page for the whole system: Swagger UI at <c>/docs</c>, opening on the merged document of
/// the whole API, with every service's and the gateway's own selectable, each at <c>/openapi/{name}.json</c>,
/// and above it the partner gRPC API's services with their .proto files (<see cref="PartnerGrpcFiles"/>).
/// </summary>
internal static class ApiPage
{
    public const string RoutePrefix = "docs";

    public static IApplicationBuilder UseApiPage(this IApplicationBuilder app) => app.UseSwaggerUI(ui =>
    {
        ui.RoutePrefix = RoutePrefix;
        ui.DocumentTitle = "AmbassadorNet API";
        ui.HeadContent = PartnerGrpcFiles.PageHead();
        ui.SwaggerEndpoint(GatewayServices.OpenApiPath(GatewayServices.WholeApi), "All (merged)");
        foreach (var service in GatewayServices.Proxied.Append(GatewayServices.GatewayItself))
        {
            ui.SwaggerEndpoint(GatewayServices.OpenApiPath(service), service);
        }
    });
}
