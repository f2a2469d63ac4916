using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AmbassadorNet.AppHost.Composition;

/// <summary>
/// PostgreSQL and RabbitMQ are servers this machine already runs (scripts/servers.sh installs and
/// starts them; AMB_PG_* / AMB_RABBIT_* point elsewhere), not containers: no container engine runs
/// here. Each is a connection-string resource with a health check that connects to it, so the
/// dashboard shows whether it is reachable and every service waits for it.
/// </summary>
public static class ExternalServers
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    public static IResourceBuilder<IResourceWithConnectionString> AddPostgres(this IDistributedApplicationBuilder builder, PostgresServer server) =>
        builder.AddServer("postgres", server.ConnectionString(), server.Host, server.Port);

    public static IResourceBuilder<IResourceWithConnectionString> AddRabbitMq(this IDistributedApplicationBuilder builder, RabbitMqServer server) =>
        builder.AddServer("rabbitmq", server.ConnectionString, server.Host, server.Port);

    private static IResourceBuilder<IResourceWithConnectionString> AddServer(this IDistributedApplicationBuilder builder, string name, string connectionString, string host, int port)
    {
        var check = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().AddAsyncCheck(check, cancellationToken => AcceptsConnectionsAsync(host, port, cancellationToken));
        return builder.AddConnectionString(name, ReferenceExpression.Create($"{connectionString}")).WithHealthCheck(check);
    }

    private static async Task<HealthCheckResult> AcceptsConnectionsAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            return HealthCheckResult.Healthy($"{host}:{port} accepts connections");
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = e is SocketException socket ? socket.Message : $"no answer within {ConnectTimeout.TotalSeconds:0} s";
            return HealthCheckResult.Unhealthy($"{host}:{port} is not reachable ({reason}): is scripts/servers.sh's server running, or AMB_* pointing at yours?");
        }
    }
}
