using System.Security.Cryptography;
using AmbassadorNet.AppHost;
using AmbassadorNet.AppHost.Composition;
using AmbassadorNet.Gateway.Routing;

var builder = DistributedApplication.CreateBuilder(args);
builder.UseLocalDashboard();
var settings = SystemSettings.From(builder.Configuration);
var system = AmbassadorNetSystem.Create<Projects.AmbassadorNet_Gateway>(builder, settings);

// One line per service.
system.AddService<Projects.AmbassadorNet_Creators>(GatewayServices.Creators);
system.AddService<Projects.AmbassadorNet_Campaigns>(GatewayServices.Campaigns);
system.AddService<Projects.AmbassadorNet_Tracking>(GatewayServices.Tracking)
    .WithEnvironment("Tracking__PublicBaseUrl", system.GatewayEndpoint)
    // A key per run: click IP hashes are only compared within the duplicate window anyway.
    .WithEnvironment("Tracking__IpHashKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
    .WithEnvironment("Tracking__TrustedProxyNetworks__0", "127.0.0.1/32");
var secretsKey = LocalSecretsKey.LoadOrCreate(settings.WebhooksSecretsKeyFile);
system.AddService<Projects.AmbassadorNet_Webhooks>(GatewayServices.Webhooks, webhooks =>
{
    // Kept in a file, not made per run: it protects the key ring in the webhooks database, which persists.
    webhooks.WithEnvironment("Webhooks__SecretsKey__CurrentId", secretsKey.Id)
        .WithEnvironment($"Webhooks__SecretsKey__Keys__{secretsKey.Id}", secretsKey.Key);
    // A local system may deliver to listeners on this machine, each named by address and port;
    // deployments leave the list empty (deploy/).
    foreach (var (receiver, index) in settings.WebhookReceivers.Select((r, i) => (r, i)))
    {
        webhooks.WithEnvironment($"Webhooks__AllowedPrivateEndpoints__{index}", receiver);
    }
});
system.AddService<Projects.AmbassadorNet_Payouts>(GatewayServices.Payouts);
system.AddService<Projects.AmbassadorNet_Analytics>(GatewayServices.Analytics);
system.AddService<Projects.AmbassadorNet_Audit>(GatewayServices.Audit);
system.EnsureEveryServiceIsRouted();

builder.PrintSummaryWhenReady(system);
builder.Build().Run();
