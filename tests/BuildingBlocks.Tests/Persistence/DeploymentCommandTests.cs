using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.ServiceDefaults.Deployment;
using AmbassadorNet.ServiceDefaults.Persistence;
using AmbassadorNet.TestKit;
using BuildingBlocks.Tests.Sample;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BuildingBlocks.Tests.Persistence;

public sealed class DeploymentCommandTests
{
    [Fact]
    public async Task Migrate_only_creates_the_database_applies_the_scripts_and_asks_the_process_to_exit()
    {
        var name = $"{TestServers.NamePrefix}deploy_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = name }.ConnectionString;
        try
        {
            await using var app = BuildService(connectionString);

            var exit = await app.RunDeploymentCommandAsync([DeploymentCommands.MigrateOnly]);
            var rerun = await app.RunDeploymentCommandAsync([DeploymentCommands.MigrateOnly]);

            Assert.True(exit);
            Assert.True(rerun);
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<BrandScope>().Set(Guid.CreateVersion7());
            var context = scope.ServiceProvider.GetRequiredService<SampleDbContext>();
            Assert.Equal(0, await context.Orders.CountAsync(TestContext.Current.CancellationToken));
            Assert.Empty(await AmbassadorNet.Persistence.Schema.SchemaComparer.FindDriftAsync(context, TestContext.Current.CancellationToken));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await DatabaseAdmin.DropIfExistsAsync(TestServers.Postgres, name);
        }
    }

    [Fact]
    public async Task Without_a_switch_the_service_goes_on_to_serve()
    {
        await using var app = BuildService(TestServers.Postgres);

        Assert.False(await app.RunDeploymentCommandAsync([]));
    }

    private static WebApplication BuildService(string connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Database:ConnectionString"] = connectionString;
        builder.AddServiceDatabase<SampleDbContext>(SampleDbContext.Migrations);
        return builder.Build();
    }
}
