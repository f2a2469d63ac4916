using AmbassadorNet.AppHost.Composition;
using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.TestKit;
using AmbassadorNet.TestKit.Rabbit;
using Npgsql;

namespace AmbassadorNet.SystemTestKit;

/// <summary>
/// Settings for one test's system on the shared servers: databases named ambt_apphost_{id}_{service}
/// and a vhost of its own, both swept by scripts/clean-test-leftovers.sh if a run dies. The vhost is
/// made on another broker where the test brings one (a container).
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
    /// <param name="broker">The broker the system uses (default: the shared one).</param>
    public static async Task<TestSystemSettings> CreateAsync(Func<SystemSettings, SystemSettings>? adjust = null, RabbitBroker? broker = null)
    {
        broker ??= RabbitBroker.Shared;
        var vhost = await TestVhost.CreateAsync("apphost", broker);
        var postgres = new NpgsqlConnectionStringBuilder(TestServers.Postgres);
        var settings = new SystemSettings(
            new PostgresServer(postgres.Host!, postgres.Port, postgres.Username!, postgres.Password!),
            new RabbitMqServer(broker.Host, broker.Port, broker.Username, broker.Password, vhost.Name),
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
