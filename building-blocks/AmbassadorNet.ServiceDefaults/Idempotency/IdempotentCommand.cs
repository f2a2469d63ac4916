using AmbassadorNet.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AmbassadorNet.ServiceDefaults.Idempotency;

/// <summary>Endpoint metadata: this command honours the Idempotency-Key header.</summary>
public sealed class IdempotentCommand;

public static class IdempotencyRegistration
{
    public static IHostApplicationBuilder AddIdempotency(this IHostApplicationBuilder builder)
    {
        builder.AddSettings<IdempotencyOptions>();
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddHostedService<IdempotencySweeper>();
        return builder;
    }

    /// <summary>Runs after authentication and authorization: keys are per brand, and a refused request stores nothing.</summary>
    public static IApplicationBuilder UseIdempotency(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyMiddleware>();

    public static TBuilder Idempotent<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IdempotentCommand());
}
