using System.Text.Json;
using System.Text.Json.Serialization;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Configuration;
using AmbassadorNet.ServiceDefaults.Errors;
using AmbassadorNet.ServiceDefaults.Health;
using AmbassadorNet.ServiceDefaults.Idempotency;
using AmbassadorNet.ServiceDefaults.Lifetime;
using AmbassadorNet.ServiceDefaults.Observability;
using AmbassadorNet.ServiceDefaults.Tenancy;
using AmbassadorNet.ServiceDefaults.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AmbassadorNet.ServiceDefaults;

/// <summary>What every AmbassadorNet service has, in two calls: one on the builder, one on the app.</summary>
public static class ServiceDefaultsExtensions
{
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.AddClock();
        builder.AddCrashPoints(); // Testing only: where a reliability test may make the process die
        builder.AddTelemetry(serviceName);
        builder.AddProblemResponses();
        builder.AddInternalAuthentication();
        builder.Catalog().Add(typeof(InternalAuthOptions));
        builder.AddIdempotency();
        builder.Services.AddHealthChecks();
        // Enums travel as the snake_case text the events and the database use ("bank_transfer").
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)));
        return builder;
    }

    /// <summary>The middleware order matters: errors outermost, then identity, then idempotency (per brand, after authorization).</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<BrandScopeMiddleware>();
        app.UseIdempotency();
        app.MapHealthEndpoints();
        return app;
    }
}
