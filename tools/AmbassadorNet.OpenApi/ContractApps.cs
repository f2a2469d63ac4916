using AmbassadorNet.Analytics;
using AmbassadorNet.Audit;
using AmbassadorNet.Campaigns;
using AmbassadorNet.Creators;
using AmbassadorNet.Gateway;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Payouts;
using AmbassadorNet.Security;
using AmbassadorNet.Tracking;
using AmbassadorNet.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AmbassadorNet.OpenApi;

/// <summary>
/// Each application as it ships, built but never started: its endpoints are all a document needs, so
/// the settings below only have to pass the builders (no server is reached).
/// </summary>
internal static class ContractApps
{
    public static IReadOnlyList<(string Name, Func<WebApplication> Build)> All { get; } =
    [
        (GatewayServices.Creators, () => CreatorsApp.Create([], Configure)),
        (GatewayServices.Campaigns, () => CampaignsApp.Create([], Configure)),
        (GatewayServices.Tracking, () => TrackingApp.Create([], Configure)),
        (GatewayServices.Payouts, () => PayoutsApp.Create([], Configure)),
        (GatewayServices.Analytics, () => AnalyticsApp.Create([], Configure)),
        (GatewayServices.Webhooks, () => WebhooksApp.Create([], Configure)),
        (GatewayServices.Audit, () => AuditApp.Create([], Configure)),
        (GatewayServices.GatewayItself, BuildGateway),
    ];

    private static void Configure(WebApplicationBuilder builder) => builder.Configuration.AddInMemoryCollection(Settings());

    private static WebApplication BuildGateway()
    {
        var app = GatewayApplication.Create(new WebApplicationOptions { EnvironmentName = Environments.Production }, Configure);
        return app.UseGateway();
    }

    private static Dictionary<string, string?> Settings()
    {
        using var signing = InternalKeys.Generate("contract");
        var settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = "Host=contract.invalid;Database=contract;Username=contract",
            ["Gateway:OperatorKey"] = "operator-key-for-the-contract-0123456789",
            ["Gateway:SigningKey:KeyId"] = signing.KeyId,
            ["Gateway:SigningKey:Pem"] = signing.PrivateKeyPem,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var service in GatewayServices.Proxied)
        {
            settings[$"Gateway:Services:{service}"] = $"http://{service}.invalid";
        }

        return settings;
    }
}
