using System.Net;
using AmbassadorNet.ServiceDefaults.Time;

namespace AmbassadorNet.Gateway.Identity.Oidc;

/// <summary>Whether an issuer's metadata may be read over plain HTTP: never, except a loopback issuer in Development or Testing.</summary>
public static class OidcMetadataTransport
{
    /// <summary>
    /// HTTPS always; plain HTTP only when the issuer's host is a loopback address written as one (127.0.0.0/8,
    /// [::1]: a name such as localhost goes through the resolver, which this rule cannot vouch for) and the
    /// gateway runs in Development or Testing.
    /// </summary>
    public static bool Allows(Uri issuer, IHostEnvironment environment)
    {
        if (issuer.Scheme == Uri.UriSchemeHttps)
        {
            return true;
        }

        var loopback = issuer.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(issuer.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
        var local = environment.IsDevelopment() || environment.IsEnvironment(ClockRegistration.TestingEnvironment);
        return issuer.Scheme == Uri.UriSchemeHttp && loopback && local;
    }
}
