using AmbassadorNet.Analytics;
using AmbassadorNet.Audit;
using AmbassadorNet.Campaigns;
using AmbassadorNet.Creators;
using AmbassadorNet.Payouts;
using AmbassadorNet.Tracking;
using AmbassadorNet.Webhooks;
using Microsoft.AspNetCore.Builder;

namespace AmbassadorNet.RouteTable;

/// <summary>A service behind the gateway: its name in the gateway's table and how Program.cs builds it.</summary>
public sealed record ServiceApp(string Name, Func<string[], Action<WebApplicationBuilder>, WebApplication> Create);

public static class ServiceApps
{
    /// <summary>Every service, in the order of the generated table.</summary>
    public static IReadOnlyList<ServiceApp> All { get; } =
    [
        new(CreatorsApp.Name, CreatorsApp.Create),
        new(CampaignsApp.Name, CampaignsApp.Create),
        new(TrackingApp.Name, TrackingApp.Create),
        new(PayoutsApp.Name, PayoutsApp.Create),
        new(AnalyticsApp.Name, AnalyticsApp.Create),
        new(WebhooksApp.Name, WebhooksApp.Create),
        new(AuditApp.Name, AuditApp.Create),
    ];
}
