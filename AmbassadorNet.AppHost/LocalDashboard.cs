using System.Security.Cryptography;
using AmbassadorNet.AppHost.Composition;
using Aspire.Hosting.ApplicationModel;

namespace AmbassadorNet.AppHost;

/// <summary>
/// The dashboard behind a login token made for the run (./run.sh puts it on fixed loopback ports over
/// plain HTTP): it shows each resource's environment, which holds the gateway's private signing key
/// and the operator key, so it is not left open to every local user or web page (docs/decisions/0013).
/// </summary>
public static class LocalDashboard
{
    /// <summary>Tests wait for this line: the system is up and the summary follows.</summary>
    public const string RunningMarker = "AmbassadorNet is running";

    public static IDistributedApplicationBuilder UseLocalDashboard(this IDistributedApplicationBuilder builder)
    {
        // Made here rather than by Aspire so the summary can print the login link; a token given in
        // the environment or on the command line wins.
        if (string.IsNullOrEmpty(builder.Configuration["AppHost:BrowserToken"]))
        {
            builder.Configuration["AppHost:BrowserToken"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        }

        return builder;
    }

    /// <summary>Once the gateway answers: where everything is, and how to get in.</summary>
    public static void PrintSummaryWhenReady(this IDistributedApplicationBuilder builder, AmbassadorNetSystem system)
    {
        var started = DateTimeOffset.UtcNow;
        builder.Eventing.Subscribe<ResourceReadyEvent>(system.Gateway.Resource, (_, _) =>
        {
            var gateway = system.GatewayEndpoint.Url;
            var dashboard = builder.Configuration["ASPNETCORE_URLS"]?.Split(';')[0].TrimEnd('/');
            var output = Console.Out;
            output.WriteLine();
            output.WriteLine($"{RunningMarker} (ready in {(DateTimeOffset.UtcNow - started).TotalSeconds:0.0} s). Ctrl+C stops it.");
            output.WriteLine();
            output.WriteLine($"  Dashboard:    {dashboard}/login?t={builder.Configuration["AppHost:BrowserToken"]}");
            output.WriteLine($"  Gateway:      {gateway}");
            output.WriteLine($"  API page:     {gateway}/docs");
            output.WriteLine($"  gRPC:         {system.GatewayGrpcEndpoint.Url} (HTTP/2 without TLS; proto/ambassadornet/partner/v1, docs/partners.md)");
            output.WriteLine($"  Operator key: {system.OperatorKey}");
            output.WriteLine();
            output.WriteLine("  Create a brand (the answer holds its first admin API key, shown once):");
            output.WriteLine($"    curl -s -X POST {gateway}/api/brands -H 'Authorization: Bearer {system.OperatorKey}' \\");
            output.WriteLine("      -H 'Content-Type: application/json' -d '{\"name\":\"Acme\"}'");
            output.WriteLine("  Then call the API with that key:");
            output.WriteLine($"    curl -s {gateway}/api/creators -H 'Authorization: Bearer amb_live_...'");
            output.WriteLine();
            return Task.CompletedTask;
        });
    }
}
