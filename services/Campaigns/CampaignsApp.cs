using AmbassadorNet.Campaigns.Agreements;
using AmbassadorNet.ServiceDefaults.Configuration;
using AmbassadorNet.Campaigns.Api;
using AmbassadorNet.Campaigns.Consumers;
using AmbassadorNet.Campaigns.UsageRights;
using AmbassadorNet.Contracts.Creators;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.ServiceDefaults.Approvals;

namespace AmbassadorNet.Campaigns;

/// <summary>
/// The campaigns service as Program.cs runs it; tests build the same application with settings of
/// their own and a loopback port, so what they test is what ships.
/// </summary>
public static class CampaignsApp
{
    public const string Name = "campaigns";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = ServiceApp.CreateBuilder<CampaignsDbContext>(Name, CampaignsApi.Tags, args, configure, messaging => messaging
            .Handle<CreatorReplicaHandler>(Busy)
            .Handle<ApprovalPolicyHandler>(endpoint => (endpoint.PrefetchCount, endpoint.ConcurrentMessageLimit) = (16, 1)));
        builder.Services.AddScoped(provider => new ApprovalDesk(provider.GetRequiredService<CampaignsDbContext>(), provider.GetRequiredService<TimeProvider>()));
        builder.AddSettings<AgreementOptions>();
        builder.Services.AddHostedService<AgreementExpiryJob>();
        builder.AddSettings<UsageRightsOptions>();
        builder.Services.AddHostedService<UsageRightsExpiryJob>();

        return builder.BuildService<CampaignsDbContext>(app => app.MapCampaignsApi());
    }

    // Every creator event arrives on this one queue; approvals come in waves (a brand vets hundreds at
    // once). Each concurrent message holds a connection of the service's small pool.
    private static void Busy(EndpointSettings endpoint) => (endpoint.PrefetchCount, endpoint.ConcurrentMessageLimit) = (64, 4);
}
