using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace AmbassadorNet.Tracking.Domain;

/// <summary>Who clicked, as far as we may know it: the client address (never stored) and its keyed hash.</summary>
public sealed class Visitor(TrackingOptions options)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.IpHashKey);
    private readonly IPNetwork[] _trusted = [.. options.TrustedProxyNetworks.Select(IPNetwork.Parse)];

    /// <summary>
    /// The client's address: the peer, unless the peer is one of the gateway's networks; then the
    /// X-Forwarded-For entries are walked from the right (the nearest proxy's view) past our own
    /// proxies, so a client cannot choose its address by sending the header itself.
    /// </summary>
    public IPAddress? ClientAddress(IPAddress? peer, string? forwardedFor)
    {
        var address = Normalize(peer);
        if (address is null || !IsTrusted(address) || string.IsNullOrWhiteSpace(forwardedFor))
        {
            return address;
        }

        foreach (var entry in forwardedFor.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            if (!IPAddress.TryParse(entry, out var hop))
            {
                return address; // a malformed hop: trust nothing further left
            }

            address = Normalize(hop)!;
            if (!IsTrusted(address))
            {
                return address;
            }
        }

        return address;
    }

    /// <summary>HMAC-SHA256 of the address with the configured key, hex: equal visitors hash equal, and nobody without the key can reverse it.</summary>
    public string Hash(IPAddress? address) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, address?.GetAddressBytes() ?? []));

    private bool IsTrusted(IPAddress address) => _trusted.Any(n => n.Contains(address));

    private static IPAddress? Normalize(IPAddress? address) =>
        address is { AddressFamily: AddressFamily.InterNetworkV6, IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;

    public static string? ReferrerHost(string? referrer) =>
        Uri.TryCreate(referrer, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host.ToLowerInvariant() : null;
}
