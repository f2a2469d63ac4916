using System.Net;
using System.Net.Sockets;

namespace AmbassadorNet.Webhooks.Security;

/// <summary>
/// Resolves a webhook host and refuses it unless every address is public (or the host and port are
/// on the allow-list). The delivery client connects through <see cref="ConnectAsync"/>, so the address it
/// connects to is one that passed the check at that moment: a DNS answer that changes between the
/// check and the connection (rebinding) cannot smuggle in a private address.
/// </summary>
public sealed class DestinationGuard(IOptions<WebhookOptions> options)
{
    public async Task<IPAddress[]> ResolveAsync(string host, int port, CancellationToken cancellationToken)
    {
        var bare = host.Trim('[', ']');
        var addresses = IPAddress.TryParse(bare, out var literal) ? [literal] : await LookUpAsync(bare, cancellationToken);
        if (options.Value.IsAllowedPrivateEndpoint(bare, port))
        {
            return addresses;
        }

        // All, not any: a name with one private address among public ones is refused rather than half trusted.
        if (addresses.FirstOrDefault(a => !AddressPolicy.IsPublic(a)) is { } refused)
        {
            throw new DestinationRefusedException(host, $"it resolves to {refused}, a private, loopback, link-local or metadata address");
        }

        return addresses;
    }

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private static async Task<IPAddress[]> LookUpAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            var found = await Dns.GetHostAddressesAsync(host, cancellationToken);
            return found.Length > 0 ? found : throw new DestinationRefusedException(host, "it has no address");
        }
        catch (SocketException e)
        {
            throw new DestinationRefusedException(host, $"it cannot be resolved ({e.SocketErrorCode})");
        }
    }
}
