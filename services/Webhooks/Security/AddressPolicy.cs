using System.Net;
using System.Net.Sockets;

namespace AmbassadorNet.Webhooks.Security;

/// <summary>
/// Which addresses a webhook may reach: public unicast only. Refused: loopback, private (RFC 1918,
/// unique-local), link-local (which holds the cloud metadata endpoint 169.254.169.254), carrier-grade
/// NAT (Alibaba's metadata 100.100.100.200), unspecified, multicast, documentation and reserved
/// ranges, IPv6 forms that embed such an IPv4 address (mapped, NAT64, 6to4), Teredo (2001::/32: a
/// tunnel whose relay would carry the request to an IPv4 address the check never saw) and the
/// discard-only prefix 100::/64.
/// </summary>
public static class AddressPolicy
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] == 0 // "this network"
        || b[0] == 10
        || (b[0] == 100 && b[1] >= 64 && b[1] < 128) // carrier-grade NAT
        || b[0] == 127
        || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata
        || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
        || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) // IETF protocol assignments, TEST-NET-1
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 198 && b[1] is 18 or 19) // benchmarking
        || (b[0] == 198 && b[1] == 51 && b[2] == 100)
        || (b[0] == 203 && b[1] == 0 && b[2] == 113)
        || b[0] >= 224); // multicast, reserved, broadcast

    private static bool IsPublicV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) // NAT64 64:ff9b::/96
        {
            return IsPublicV4(b[12..16]);
        }

        if (b[0] == 0x20 && b[1] == 0x02) // 6to4 2002::/16
        {
            return IsPublicV4(b[2..6]);
        }

        return !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) // documentation
            && !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) // Teredo 2001::/32
            && !(b[0] == 0x01 && b[1] == 0x00 && b.Skip(2).Take(6).All(x => x == 0)) // discard-only 100::/64
            && !b.Take(15).All(x => x == 0); // ::, ::1 and the deprecated IPv4-compatible forms
    }
}
