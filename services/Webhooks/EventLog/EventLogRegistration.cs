using AmbassadorNet.Messaging.Inbox;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Configuration;
using AmbassadorNet.ServiceDefaults.Grpc;
using AmbassadorNet.Webhooks.Partner;

namespace AmbassadorNet.Webhooks.EventLog;

public static class EventLogRegistration
{
    /// <summary>The brands' logs (appended with every public event, swept after the retention) and the gRPC stream that reads them.</summary>
    public static WebApplicationBuilder AddEventLog(this WebApplicationBuilder builder)
    {
        builder.AddSettings<EventLogOptions>();
        builder.Services.AddScoped<EventLogAppender>();
        builder.Services.AddScoped<ITransactionFlush>(provider => provider.GetRequiredService<EventLogAppender>());
        builder.Services.AddSingleton<EventLogSignals>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<EventLogSignals>());
        builder.Services.AddHostedService<EventLogSweeper>();
        builder.AddPartnerGrpc();
        return builder;
    }

    public static IEndpointRouteBuilder MapEventStream(this IEndpointRouteBuilder app)
    {
        app.MapGrpcService<EventStreamService>().RequireAccess(AccessPolicies.EventsRead);
        app.MapPartnerGrpcHealth();
        return app;
    }
}
