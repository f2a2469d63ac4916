using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.ServiceDefaults.Configuration;
using AmbassadorNet.ServiceDefaults.Deployment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AmbassadorNet.ServiceDefaults.Persistence;

public static class DatabaseRegistration
{
    /// <summary>
    /// The service's own PostgreSQL database: its DbContext (scoped, with the scope's brand), and
    /// its SQL migrations (shared modules first, then the service's own) as a deployment step.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, IReadOnlyList<SqlMigration> migrations)
        where TContext : BrandScopedDbContext
    {
        var options = builder.AddSettings<DatabaseOptions>();
        builder.Services.AddScoped<BrandScope>();
        // Interceptors come from DI so building blocks (the outbox) can hook in without the service knowing.
        builder.Services.AddDbContext<TContext>((provider, db) => db
            .UseNpgsql(WithoutResetOnClose(options.ConnectionString))
            .AddInterceptors(provider.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddHealthChecks().AddCheck<Health.DatabaseHealthCheck>("database", tags: [Health.HealthEndpoints.ReadyTag]);
        builder.Services.AddSingleton<IDeploymentStep>(provider => new DatabaseMigrationStep(
            provider.GetRequiredService<SchemaMigrator>(),
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value,
            migrations));
        return builder;
    }

    /// <summary>
    /// A pooled connection is handed back as it is, without the DISCARD ALL Npgsql would otherwise send
    /// on its next use: that was one statement in every request and every consumed batch (a sixth of
    /// tracking's statements in T4, docs/benchmarks.md). Safe because nothing here leaves session
    /// state on a pooled connection: settings are SET LOCAL, LISTEN connections are unpooled.
    /// </summary>
    private static string WithoutResetOnClose(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
}
