using AmbassadorNet.Audit.Api;
using AmbassadorNet.Audit.Chain;
using AmbassadorNet.Audit.Consumers;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.ServiceDefaults.Configuration;

namespace AmbassadorNet.Audit;

/// <summary>
/// The audit service as Program.cs runs it; tests build the same application with settings of
/// their own and a loopback port, so what they test is what ships.
/// </summary>
public static class AuditApp
{
    public const string Name = "audit";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = ServiceApp.CreateBuilder<AuditDbContext>(Name, AuditApi.Tags, args, configure, messaging => messaging
            // Appends of a brand take turns on its head row, so more concurrency only waits on the lock.
            .Handle<AuditRecordedHandler>(endpoint => (endpoint.PrefetchCount, endpoint.ConcurrentMessageLimit) = (32, 4))
            .Handle<CreatorErasedHandler>()
            .Handle<MemberErasedHandler>());
        builder.AddSettings<AuditOptions>();
        builder.Services.AddScoped<ChainAppender>();
        builder.Services.AddScoped<ChainVerifier>();
        builder.Services.AddScoped<PersonalDataEraser>();
        builder.Services.AddHostedService<AnchorJob>();

        return builder.BuildService<AuditDbContext>(app => app.MapAuditApi());
    }
}
