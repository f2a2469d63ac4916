using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Messaging.Audit;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Configuration;
using AmbassadorNet.ServiceDefaults.Grpc;
using AmbassadorNet.Tracking.Api;
using AmbassadorNet.Tracking.Clicks;
using AmbassadorNet.Tracking.Codes;
using AmbassadorNet.Tracking.Consumers;
using AmbassadorNet.Tracking.Conversions;
using AmbassadorNet.Tracking.Partner;
using AmbassadorNet.Tracking.Resolution;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Tracking;

/// <summary>
/// The tracking service as Program.cs runs it; tests build the same application with settings of
/// their own and a loopback port, so what they test is what ships.
/// </summary>
public static class TrackingApp
{
    public const string Name = "tracking";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = ServiceApp.CreateBuilder<TrackingDbContext>(Name, TrackingApi.Tags, args, configure, messaging => messaging
            .Handle<EnrollmentHandler>(Busy)
            .Handle<PostHandler>(Busy)
            .Handle<CampaignReplicaHandler>(Quiet)
            .Handle<CreatorErasedHandler>(Quiet));
        AddTracking(builder);

        return builder.BuildService<TrackingDbContext>(app =>
        {
            app.MapTrackingApi();
            app.MapGrpcService<OrderStreamService>().RequireAccess(AccessPolicies.ConversionsWrite)
                .NotAudited("a shop's orders and refunds on the partner order stream, as POST /api/conversions");
            app.MapPartnerGrpcHealth();
        });
    }

    private static void AddTracking(WebApplicationBuilder builder)
    {
        builder.AddSettings<TrackingOptions>();
        var services = builder.Services;
        services.AddScoped<CodeIssuer>();
        services.AddScoped<AttributionReader>();
        services.AddScoped<ConversionRecorder>();
        services.AddScoped<RefundRecorder>();
        services.AddSingleton<OrderMessageHandler>();
        builder.AddPartnerGrpc();
        services.AddSingleton(provider => new Visitor(provider.GetRequiredService<IOptions<TrackingOptions>>().Value));
        services.AddSingleton<DirectoryReader>();
        services.AddSingleton<CodeDirectory>();
        services.AddSingleton<AttributionDirectory>();
        services.AddSingleton<RedirectStats>();
        services.AddSingleton<ClickBuffer>();
        services.AddSingleton<DuplicateWindow>();
        services.AddSingleton<ClickBatchStore>();
        services.AddSingleton<ClickRetentionSweeper>();
        // Order matters: the directory is loaded before the web server opens (it starts after hosted services).
        services.AddHostedService<DirectoryListener>();
        services.AddHostedService<ClickWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<ClickRetentionSweeper>());
    }

    // Enrollments and posts come in waves (a brand enrolls hundreds at once, imports a month of posts); campaign events trickle.
    private static void Busy(EndpointSettings endpoint) => (endpoint.PrefetchCount, endpoint.ConcurrentMessageLimit) = (32, 4);

    private static void Quiet(EndpointSettings endpoint) => (endpoint.PrefetchCount, endpoint.ConcurrentMessageLimit) = (16, 2);
}
