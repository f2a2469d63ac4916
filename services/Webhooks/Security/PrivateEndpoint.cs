using System.Globalization;

namespace AmbassadorNet.Webhooks.Security;

/// <summary>
/// One entry of Webhooks:AllowedPrivateEndpoints: a host and a port ("127.0.0.1:5099", "[::1]:5099").
/// The port is part of it because a machine's loopback address also serves its database, its broker
/// and their management pages: allowing the address alone would let a subscription reach all of them.
/// </summary>
public sealed record PrivateEndpoint(string Host, int Port)
{
    public static bool TryParse(string? text, out PrivateEndpoint endpoint)
    {
        endpoint = null!;
        var colon = text?.LastIndexOf(':') ?? -1;
        if (text is null || colon <= 0 || text.EndsWith("]", StringComparison.Ordinal)
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        var host = Bare(text[..colon]);
        if (host.Length == 0 || (host.Contains(':', StringComparison.Ordinal) && !text.StartsWith('[')))
        {
            return false; // an IPv6 address must be bracketed, or its last group would read as the port
        }

        endpoint = new PrivateEndpoint(host, port);
        return true;
    }

    public bool Matches(string host, int port) => port == Port && string.Equals(Bare(host), Host, StringComparison.OrdinalIgnoreCase);

    private static string Bare(string host) => host.Trim().Trim('[', ']');
}
