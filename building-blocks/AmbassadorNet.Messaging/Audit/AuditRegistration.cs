using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AmbassadorNet.Messaging.Audit;

public static class AuditRegistration
{
    /// <summary>Every save a request through the API makes writes its <see cref="Contracts.Audit.AuditRecorded"/> (docs/decisions/0026-audit-trail.md).</summary>
    public static IHostApplicationBuilder AddAuditCapture(this IHostApplicationBuilder builder, string service)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(new AuditedService(service));
        builder.Services.AddSingleton<IInterceptor, AuditInterceptor>();
        return builder;
    }
}
