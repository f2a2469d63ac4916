using AmbassadorNet.Gateway.Routing;

namespace AmbassadorNet.Gateway.Docs;

/// <summary>
/// One API page for the whole system: Swagger UI at <c>/docs</c> over every service's OpenAPI
/// document, each fetched through the gateway at <c>/openapi/{service}.json</c>.
/// </summary>
internal static class ApiPage
{
    public const string RoutePrefix = "docs";

    public static IApplicationBuilder UseApiPage(this IApplicationBuilder app) => app.UseSwaggerUI(ui =>
    {
        ui.RoutePrefix = RoutePrefix;
        ui.DocumentTitle = "AmbassadorNet API";
        foreach (var service in GatewayServices.Proxied)
        {
            ui.SwaggerEndpoint(GatewayServices.OpenApiPath(service), service);
        }
    });
}
