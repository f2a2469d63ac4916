using System.Globalization;
using AmbassadorNet.AppHost.Composition;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using Npgsql;

namespace AmbassadorNet.SystemTestKit.Containers;

/// <summary>
/// A PostgreSQL of a test's own: the postgres image of deploy/docker, on the host's network on a port of
/// its own on 127.0.0.1, beside the shared PostgreSQL. Its data lives as long as the container.
/// </summary>
public sealed class DatabaseContainer : OwnContainer
{
    private const string Username = "amb";
    private const string Password = "amb-container";

    private DatabaseContainer(IContainer container, PostgresServer server)
        : base(container) => Server = server;

    /// <summary>Where the system reaches it (the same form as the shared server's settings).</summary>
    public PostgresServer Server { get; }

    /// <summary>An Npgsql connection string to one database of this server.</summary>
    public string ConnectionString(string database) => ConnectionString(Server, database);

    private static string ConnectionString(PostgresServer server, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = server.Host, Port = server.Port, Username = server.Username, Password = server.Password,
        Database = database, SslMode = SslMode.Disable,
    }.ConnectionString;

    /// <summary>Creates and starts a new container (as <c>podman run</c>); <see cref="OwnContainer.StartAsync"/> starts it again.</summary>
    public static async Task<DatabaseContainer> RunAsync(CancellationToken cancellationToken = default)
    {
        var port = HostPorts.Reserve(1)[0];
        var server = new PostgresServer("127.0.0.1", port, Username, Password);
        var container = new HostNetworkPostgreSqlBuilder()
            .WithImage(ContainerEngine.Image("postgres"))
            .WithDockerEndpoint(ContainerEngine.Endpoint)
            .WithName($"amb-test-postgres-{port}")
            .WithCredentials("postgres", Username, Password)
            .WithEnvironment("PGPORT", port.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("POSTGRES_LISTEN_ADDRESSES", "127.0.0.1")
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new Answers(server)))
            .Build();
        await container.StartAsync(cancellationToken);
        return new DatabaseContainer(container, server);
    }

    /// <summary>Ready once a query succeeds from the host.</summary>
    private sealed class Answers(PostgresServer server) : IWaitUntil
    {
        public async Task<bool> UntilAsync(IContainer container)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString(server, "postgres") + ";Pooling=false;Timeout=3");
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync();
                return true;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
            {
                return false;
            }
        }
    }
}
