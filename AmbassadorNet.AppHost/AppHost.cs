using System.Security.Cryptography;
using AmbassadorNet.AppHost;
using AmbassadorNet.AppHost.Composition;
using AmbassadorNet.Gateway.Routing;

var builder = DistributedApplication.CreateBuilder(args);
builder.UseLocalDashboard();
var system = AmbassadorNetSystem.Create<Projects.AmbassadorNet_Gateway>(builder, SystemSettings.From(builder.Configuration));

// One line per service.
system.AddService<Projects.AmbassadorNet_Creators>(GatewayServices.Creators);
system.AddService<Projects.AmbassadorNet_Campaigns>(GatewayServices.Campaigns);
system.AddService<Projects.AmbassadorNet_Tracking>(GatewayServices.Tracking)
    .WithEnvironment("Tracking__PublicBaseUrl", system.GatewayEndpoint)
    // A key per run: click IP hashes are only compared within the duplicate window anyway.
    .WithEnvironment("Tracking__IpHashKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
    .WithEnvironment("Tracking__TrustedProxyNetworks__0", "127.0.0.1/32");
system.AddService<Projects.AmbassadorNet_Webhooks>(GatewayServices.Webhooks)
    // A local system may deliver to receivers on this machine (tests, a developer's listener);
    // deployments leave the list empty (deploy/).
    .WithEnvironment("Webhooks__AllowedPrivateHosts__0", "127.0.0.1");
system.AddService<Projects.AmbassadorNet_Payouts>(GatewayServices.Payouts);
system.AddService<Projects.AmbassadorNet_Analytics>(GatewayServices.Analytics);
system.EnsureEveryServiceIsRouted();

builder.PrintSummaryWhenReady(system);
builder.Build().Run();
