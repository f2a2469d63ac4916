using AmbassadorNet.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Gateway;

/// <summary>How Program runs the gateway; tests add their settings in <c>configure</c> first.</summary>
public static class GatewayApplication
{
    /// <summary>
    /// The configured application without its pipeline: enough for <c>--migrate-only</c> and
    /// <c>--print-config-keys</c>, which need no gateway settings beyond the database.
    /// </summary>
    public static WebApplication Create(WebApplicationOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        configure?.Invoke(builder);
        builder.AddGateway();
        return builder.Build();
    }

    /// <summary>Validates the settings, then builds the pipeline (YARP loads its routes here).</summary>
    public static WebApplication Serve(this WebApplication app)
    {
        // Read before the proxy loads its routes, so a bad setting fails with its own message, not inside YARP's.
        _ = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        return app.UseGateway();
    }

    public static WebApplication Build(WebApplicationOptions options, Action<WebApplicationBuilder>? configure = null) =>
        Create(options, configure).Serve();
}
