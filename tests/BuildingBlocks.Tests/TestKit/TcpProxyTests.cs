using AmbassadorNet.TestKit;
using AmbassadorNet.TestKit.Network;
using Npgsql;

namespace BuildingBlocks.Tests.TestKit;

public sealed class TcpProxyTests
{
    [Fact]
    public async Task The_proxy_forwards_refuses_resets_and_blackholes_on_command()
    {
        var server = new NpgsqlConnectionStringBuilder(TestServers.Postgres);
        await using var proxy = TcpProxy.Start(server.Host!, server.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(TestServers.Postgres)
        {
            Port = proxy.Port, Pooling = false, Timeout = 3, CommandTimeout = 3,
        }.ConnectionString;

        Assert.Equal(1, await SelectOneAsync(throughProxy));

        proxy.SetMode(ProxyMode.Refuse);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => SelectOneAsync(throughProxy));
        Assert.Contains(Flatten(refused), e => e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused });

        proxy.SetMode(ProxyMode.Forward);
        Assert.Equal(1, await SelectOneAsync(throughProxy));

        proxy.SetMode(ProxyMode.Reset);
        await Assert.ThrowsAnyAsync<Exception>(() => SelectOneAsync(throughProxy));

        proxy.SetMode(ProxyMode.Blackhole);
        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<Exception>(() => SelectOneAsync(throughProxy));
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(2), "a blackhole answers nothing, so the client waits for its timeout");

        proxy.SetMode(ProxyMode.Forward);
        Assert.Equal(1, await SelectOneAsync(throughProxy));
    }

    [Fact]
    public async Task Switching_to_reset_breaks_connections_that_are_already_open()
    {
        var server = new NpgsqlConnectionStringBuilder(TestServers.Postgres);
        await using var proxy = TcpProxy.Start(server.Host!, server.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Port = proxy.Port, Pooling = false }.ConnectionString;
        await using var open = new NpgsqlConnection(throughProxy);
        await open.OpenAsync(TestContext.Current.CancellationToken);

        proxy.SetMode(ProxyMode.Reset);

        await using var command = new NpgsqlCommand("SELECT 1", open);
        await Assert.ThrowsAnyAsync<Exception>(() => command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<int> SelectOneAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
