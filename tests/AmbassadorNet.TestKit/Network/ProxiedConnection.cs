using System.Net;
using System.Net.Sockets;

namespace AmbassadorNet.TestKit.Network;

/// <summary>One client connection of a <see cref="TcpProxy"/> and its connection to the real server.</summary>
internal sealed class ProxiedConnection(Socket client, Func<ProxyMode> mode)
{
    private readonly Socket _server = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public Guid Id { get; } = Guid.NewGuid();

    public async Task RunAsync(IPEndPoint target, CancellationToken cancellationToken)
    {
        try
        {
            await _server.ConnectAsync(target, cancellationToken);
            await Task.WhenAny(PumpAsync(client, _server, cancellationToken), PumpAsync(_server, client, cancellationToken));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // a reset or a closed peer ends the connection; nothing to report
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Closes both sides with an RST rather than a FIN, as a crashed server or a cut cable would look.</summary>
    public void Reset()
    {
        Abort(client);
        Abort(_server);
    }

    public static void Abort(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // already closed
        }

        socket.Close();
    }

    private async Task PumpAsync(Socket from, Socket to, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return;
            }

            if (mode() == ProxyMode.Blackhole)
            {
                continue; // swallowed: neither side hears anything
            }

            await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken);
        }
    }
}
