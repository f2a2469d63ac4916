using System.Net;
using System.Net.Sockets;

namespace AmbassadorNet.Orchestration.Declaration;

/// <summary>
/// A loopback port held bound but never listened on: connections to it are refused at once, and no
/// other process can take it while we hold it. The destination of a service that is not running.
/// </summary>
public sealed class RefusedPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public RefusedPort() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_socket.LocalEndPoint!).Port}");

    public void Dispose() => _socket.Dispose();
}
