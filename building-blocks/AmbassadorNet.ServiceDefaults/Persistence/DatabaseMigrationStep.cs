using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.ServiceDefaults.Deployment;

namespace AmbassadorNet.ServiceDefaults.Persistence;

/// <summary>Creates the service's database if it is missing and applies its pending scripts.</summary>
internal sealed class DatabaseMigrationStep(SchemaMigrator migrator, DatabaseOptions options, IReadOnlyList<SqlMigration> migrations)
    : IDeploymentStep
{
    public string Name => "database migrations";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await DatabaseAdmin.CreateIfMissingAsync(options.ConnectionString, cancellationToken: cancellationToken);
        await migrator.MigrateAsync(options.ConnectionString, migrations, cancellationToken);
    }
}
