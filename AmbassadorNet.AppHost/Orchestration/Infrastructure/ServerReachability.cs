using System.Net.Sockets;

namespace AmbassadorNet.Orchestration.Infrastructure;

/// <summary>
/// Checks that a server accepts TCP connections before any service is started, so a stopped
/// PostgreSQL or RabbitMQ is reported as such instead of as a service that failed to migrate.
/// </summary>
public static class ServerReachability
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    public static async Task EnsureReachableAsync(string what, string host, int port, string hint, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = e is SocketException socket ? socket.Message : $"no answer within {ConnectTimeout.TotalSeconds:0} s";
            throw new InfrastructureUnavailableException($"{what} at {host}:{port} is not reachable ({reason}). {hint}");
        }
    }
}

public sealed class InfrastructureUnavailableException(string message) : Exception(message);
