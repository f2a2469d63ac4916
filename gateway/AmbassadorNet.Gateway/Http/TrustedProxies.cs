using System.Net;
using System.Net.Sockets;

namespace AmbassadorNet.Gateway.Http;

/// <summary>
/// The networks (<c>Gateway:TrustedProxies</c>) whose X-Forwarded-For the gateway believes, and the
/// rule that turns a peer and that header into the client's address. Pure logic: the middleware
/// <see cref="ClientAddressResolution"/> applies it to each request.
/// </summary>
public sealed class TrustedProxies(IReadOnlyList<IPNetwork> networks)
{
    public IReadOnlyList<IPNetwork> Networks { get; } = networks;

    /// <summary>
    /// Parses the setting; the options validator has already refused anything that is not a CIDR network.
    /// A blank entry is no network (a deployment's empty placeholder, as tracking's manifest has one): it can only trust less.
    /// </summary>
    public static TrustedProxies Parse(IEnumerable<string> cidrs) =>
        new([.. Entries(cidrs).Select(cidr => TryParseNetwork(cidr, out var network) ? network : throw new FormatException($"'{cidr}' is not a CIDR network."))]);

    public static IEnumerable<string> Entries(IEnumerable<string> cidrs) => cidrs.Where(cidr => !string.IsNullOrWhiteSpace(cidr));

    /// <summary>
    /// Strict CIDR: <c>10.0.0.0/8</c> or <c>2001:db8::/32</c>. IPNetwork.TryParse alone also takes
    /// <c>10.0.0.7/8</c> (host bits after the prefix) and <c>10.0/8</c> (a legacy short form); both are
    /// more likely typos than intent, so they are refused.
    /// </summary>
    public static bool TryParseNetwork(string? cidr, out IPNetwork network)
    {
        network = default;
        var text = cidr?.Trim() ?? "";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            && IPAddress.TryParse(text.AsSpan(0, slash), out var address)
            && (address.AddressFamily == AddressFamily.InterNetworkV6 || text.AsSpan(0, slash).Count('.') == 3)
            && IPNetwork.TryParse(text, out network)
            && network.BaseAddress.Equals(address);
    }

    public bool IsTrusted(IPAddress address)
    {
        var normalized = Normalize(address);
        return Networks.Any(n => n.Contains(normalized));
    }

    /// <summary>
    /// The client's address. From an untrusted peer, the peer itself: the header is the client's own
    /// claim. From a trusted peer, X-Forwarded-For is walked from the right (each entry was appended by
    /// the hop to its right) past further trusted proxies; the first untrusted entry is the client.
    /// A malformed entry stops the walk at the last trusted hop, and nothing left of an untrusted entry
    /// is ever read, because whoever sent that entry could have written anything before it.
    /// </summary>
    public IPAddress? ClientAddress(IPAddress? peer, IReadOnlyList<string> forwardedFor)
    {
        var address = peer is null ? null : Normalize(peer);
        if (address is null)
        {
            return null;
        }

        for (var i = forwardedFor.Count - 1; i >= 0 && IsTrusted(address); i--)
        {
            if (!TryParseHop(forwardedFor[i], out var hop))
            {
                break;
            }

            address = hop;
        }

        return address;
    }

    /// <summary>An entry is an address, or an address with a port as some load balancers write it (<c>1.2.3.4:5678</c>, <c>[2001:db8::1]:443</c>).</summary>
    private static bool TryParseHop(string entry, out IPAddress address)
    {
        // IPEndPoint parsing accepts a bare address too (port 0), and an IPv6 address without brackets.
        var parsed = IPEndPoint.TryParse(entry.Trim(), out var endpoint);
        address = parsed ? Normalize(endpoint!.Address) : IPAddress.None;
        return parsed;
    }

    /// <summary>A dual-stack socket reports IPv4 peers as <c>::ffff:a.b.c.d</c>; networks are written as IPv4.</summary>
    private static IPAddress Normalize(IPAddress address) =>
        address is { AddressFamily: AddressFamily.InterNetworkV6, IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
