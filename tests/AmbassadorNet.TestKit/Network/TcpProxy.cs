using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace AmbassadorNet.TestKit.Network;

/// <summary>
/// A TCP proxy on a loopback port in front of a real server. Point a service at the proxy instead of
/// the server and switch <see cref="Mode"/> to simulate an outage (refused, reset or silent
/// connections) without touching the server other test classes share.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<Guid, ProxiedConnection> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;

    private TcpProxy(IPEndPoint target) => _target = target;

    public ProxyMode Mode { get; private set; } = ProxyMode.Forward;

    public int Port { get; private set; }

    public int OpenConnections => _connections.Count;

    public static TcpProxy Start(string targetHost, int targetPort)
    {
        var address = Dns.GetHostAddresses(targetHost).First(a => a.AddressFamily == AddressFamily.InterNetwork);
        var proxy = new TcpProxy(new IPEndPoint(address, targetPort));
        proxy.Listen(0);
        return proxy;
    }

    public void SetMode(ProxyMode mode)
    {
        lock (_gate)
        {
            var previous = Mode;
            Mode = mode;
            if (mode is ProxyMode.Refuse or ProxyMode.Reset)
            {
                ResetAll();
            }

            if (mode == ProxyMode.Refuse && previous != ProxyMode.Refuse)
            {
                StopListening();
            }
            else if (mode != ProxyMode.Refuse && previous == ProxyMode.Refuse)
            {
                Listen(Port);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        lock (_gate)
        {
            StopListening();
            ResetAll();
        }

        await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private void Listen(int port)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(512);
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        _listener = listener;
        _acceptLoop = AcceptLoopAsync(listener);
    }

    private void StopListening()
    {
        _listener?.Close();
        _listener = null;
    }

    private void ResetAll()
    {
        foreach (var connection in _connections.Values)
        {
            connection.Reset();
        }
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return; // the listener was closed: Refuse mode or disposal
            }

            _ = HandleAsync(client);
        }
    }

    private async Task HandleAsync(Socket client)
    {
        if (Mode == ProxyMode.Reset)
        {
            ProxiedConnection.Abort(client);
            return;
        }

        var connection = new ProxiedConnection(client, () => Mode);
        _connections[connection.Id] = connection;
        try
        {
            await connection.RunAsync(_target, _stopping.Token);
        }
        finally
        {
            _connections.TryRemove(connection.Id, out _);
        }
    }
}
