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
            .UseNpgsql(PooledConnectionSettings(options.ConnectionString))
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
    /// What every pooled connection of a service does, unless its connection string says otherwise:
    /// <list type="bullet">
    /// <item>It is handed back as it is, without the DISCARD ALL Npgsql would otherwise send on its next
    /// use: that was one statement in every request and every consumed batch (a sixth of tracking's
    /// statements in T4, docs/benchmarks.md). Safe because nothing here leaves session state on a pooled
    /// connection: settings are SET LOCAL, LISTEN connections are unpooled.</item>
    /// <item>The statements it runs twice are prepared on it (up to 64, least recently used out first),
    /// so PostgreSQL parses and plans each once per connection, not once per execution: PostgreSQL's CPU
    /// per order in T4 fell from about 3 ms to under 2 (docs/benchmarks.md, #27). After a migration
    /// changes the columns of a table a prepared <c>SELECT *</c> reads, its next execution fails once
    /// (0A000) and Npgsql prepares it again (docs/operations.md, upgrades).</item>
    /// </list>
    /// </summary>
    public static string PooledConnectionSettings(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        if (settings.MaxAutoPrepare == 0)
        {
            (settings.MaxAutoPrepare, settings.AutoPrepareMinUsages) = (64, 2);
        }

        return settings.ConnectionString;
    }
}
