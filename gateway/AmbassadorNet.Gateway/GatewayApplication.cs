namespace AmbassadorNet.Gateway;

/// <summary>Builds the gateway as Program runs it; tests add their settings in <paramref name="configure"/> first.</summary>
public static class GatewayApplication
{
    public static WebApplication Build(WebApplicationOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        configure?.Invoke(builder);
        builder.AddGateway();
        var app = builder.Build();
        app.UseGateway();
        return app;
    }
}
