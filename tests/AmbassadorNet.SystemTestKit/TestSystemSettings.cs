using AmbassadorNet.AppHost.Composition;
using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.TestKit;
using AmbassadorNet.TestKit.Rabbit;
using Npgsql;

namespace AmbassadorNet.SystemTestKit;

/// <summary>
/// Settings for one test's system on the shared servers: databases named ambt_apphost_{id}_{service}
/// and a vhost of its own, both swept by scripts/clean-test-leftovers.sh if a run dies.
/// </summary>
public sealed class TestSystemSettings : IAsyncDisposable
{
    private TestSystemSettings(TestVhost vhost, SystemSettings settings)
    {
        Vhost = vhost;
        Settings = settings;
    }

    public TestVhost Vhost { get; }

    public SystemSettings Settings { get; }

    /// <param name="adjust">Changes the settings before use, e.g. to reach the servers through a test proxy.</param>
    public static async Task<TestSystemSettings> CreateAsync(Func<SystemSettings, SystemSettings>? adjust = null)
    {
        var vhost = await TestVhost.CreateAsync("apphost");
        var postgres = new NpgsqlConnectionStringBuilder(TestServers.Postgres);
        var settings = new SystemSettings(
            new PostgresServer(postgres.Host!, postgres.Port, postgres.Username!, postgres.Password!),
            new RabbitMqServer(TestServers.RabbitHost, TestServers.RabbitPort, TestServers.RabbitUser, TestServers.RabbitPassword, vhost.Name),
            $"{TestServers.NamePrefix}apphost_{Guid.NewGuid():N}"[..30] + "_",
            GatewayPort: 0) { GatewayGrpcPort = 0 };
        return new TestSystemSettings(vhost, adjust?.Invoke(settings) ?? settings);
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = await DatabaseAdmin.OpenMaintenanceAsync(TestServers.Postgres, CancellationToken.None);
        await using var query = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE $1", connection);
        query.Parameters.Add(new NpgsqlParameter { Value = Settings.DatabasePrefix.Replace("_", "\\_", StringComparison.Ordinal) + "%" });
        var databases = new List<string>();
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                databases.Add(reader.GetString(0));
            }
        }

        foreach (var database in databases)
        {
            await DatabaseAdmin.DropIfExistsAsync(TestServers.Postgres, database);
        }

        await Vhost.DisposeAsync();
    }
}
