using System.Net;
using System.Net.Sockets;

namespace AmbassadorNet.Demo;

/// <summary>
/// Distinct visitors on one machine: each connects from an address of its own in 127.1.0.0/16 (all
/// of 127.0.0.0/8 is this machine's loopback, so nothing leaves it). Tracking counts a click as unique
/// per link and visitor address; visitors all from 127.0.0.1 would make every repeat visit to a link a
/// duplicate, and a conversion rate of orders ÷ unique clicks meaningless.
/// </summary>
public static class Visitors
{
    private static readonly HttpRequestOptionsKey<IPAddress> From = new("demo-visitor-address");

    /// <summary>The address of visitor <paramref name="n"/> (1 to 65,279).</summary>
    public static IPAddress Address(int n) => new([127, 1, (byte)(n >> 8), (byte)(n & 0xFF)]);

    /// <summary>A client that opens a new connection per request, bound to the visitor's address when the request names one.</summary>
    public static HttpClient Client() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.Zero, // a pooled connection would carry the last visitor's address
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                if (context.InitialRequestMessage.Options.TryGetValue(From, out var address))
                {
                    socket.Bind(new IPEndPoint(address, 0));
                }

                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    }) { Timeout = TimeSpan.FromSeconds(30) };

    public static void Visit(HttpRequestMessage request, int? visitor)
    {
        if (visitor is { } n)
        {
            request.Options.Set(From, Address(n));
        }
    }
}
