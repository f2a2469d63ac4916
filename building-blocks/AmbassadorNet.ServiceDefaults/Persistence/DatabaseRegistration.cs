using System.Reflection;
using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.ServiceDefaults.Configuration;
using AmbassadorNet.ServiceDefaults.Deployment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AmbassadorNet.ServiceDefaults.Persistence;

public static class DatabaseRegistration
{
    /// <summary>
    /// The service's own PostgreSQL database: its DbContext (scoped, with the scope's brand), and
    /// the SQL migrations embedded in <paramref name="migrationsAssembly"/> as a deployment step.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, Assembly migrationsAssembly)
        where TContext : BrandScopedDbContext
    {
        var options = builder.AddSettings<DatabaseOptions>();
        builder.Services.AddScoped<BrandScope>();
        builder.Services.AddDbContext<TContext>(db => db.UseNpgsql(options.ConnectionString));
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddSingleton<IDeploymentStep>(provider => new DatabaseMigrationStep(
            provider.GetRequiredService<SchemaMigrator>(),
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value,
            EmbeddedMigrations.From(migrationsAssembly)));
        return builder;
    }
}
