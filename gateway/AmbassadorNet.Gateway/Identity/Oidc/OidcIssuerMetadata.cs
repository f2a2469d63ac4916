using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AmbassadorNet.Gateway.Identity.Oidc;

/// <summary>
/// One <see cref="JwtBearerOptions"/> per issuer, finished by JwtBearer's own post-configuration as a
/// scheme's would be: its <see cref="ConfigurationManager{T}"/> reads the discovery document and the JWKS
/// once and caches them, re-reading them every <see cref="AutomaticRefreshInterval"/>. Keyed by issuer,
/// not brand: brands sharing a provider share its metadata.
/// <para>
/// A token whose kid is unknown renews the issuer's options (<see cref="Renew"/>): a new configuration
/// manager, whose first read waits for the provider. IdentityModel's own RequestRefresh (8.23.0) refreshes
/// in the background, so the first token signed with a rotated key would be refused; its switch for a
/// blocking refresh (Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking) is process-wide and cached at
/// its first read, which a test run showed happening before the gateway could set it.
/// </para>
/// </summary>
public sealed class OidcIssuerMetadata(TimeProvider time) : IDisposable
{
    /// <summary>
    /// How stale the keys may be: a key the provider withdrew (leaked) is trusted at most this long.
    /// JwtBearer's default is 12 hours.
    /// </summary>
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(1);

    /// <summary>After a renewal, tokens with unknown kids renew an issuer's metadata again only after this, so they cannot flood the provider.</summary>
    public static readonly TimeSpan RenewalInterval = TimeSpan.FromSeconds(30);

    private static readonly JwtBearerPostConfigureOptions PostConfigure = new();

    private readonly ConcurrentDictionary<string, IssuerOptions> byIssuer = new(StringComparer.Ordinal);
    private readonly Lock renewing = new();

    // One client for every provider; its handler renews connections so a provider's DNS changes are seen.
    private readonly HttpClient backchannel = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(10),
        MaxResponseContentBufferSize = 1024 * 1024,
    };

    /// <summary>The options for an issuer whose transport <see cref="OidcMetadataTransport"/> allowed.</summary>
    public JwtBearerOptions For(Uri issuer) => byIssuer.GetOrAdd(issuer.AbsoluteUri, _ => new IssuerOptions(Create(issuer), RenewedAt: null)).Options;

    /// <summary>
    /// Fresh options for the issuer after <paramref name="used"/> did not know a token's key, or null when its
    /// metadata was renewed less than <see cref="RenewalInterval"/> ago. Whoever comes second gets the first's renewal.
    /// </summary>
    public JwtBearerOptions? Renew(Uri issuer, JwtBearerOptions used)
    {
        lock (renewing)
        {
            var current = byIssuer[issuer.AbsoluteUri];
            if (!ReferenceEquals(current.Options, used))
            {
                return current.Options;
            }

            var now = time.GetUtcNow();
            if (current.RenewedAt is { } renewed && now - renewed < RenewalInterval)
            {
                return null;
            }

            var fresh = new IssuerOptions(Create(issuer), now);
            byIssuer[issuer.AbsoluteUri] = fresh;
            return fresh.Options;
        }
    }

    public void Dispose() => backchannel.Dispose();

    private JwtBearerOptions Create(Uri issuer)
    {
        var options = new JwtBearerOptions
        {
            Authority = issuer.AbsoluteUri,
            RequireHttpsMetadata = issuer.Scheme == Uri.UriSchemeHttps,
            Backchannel = backchannel,
            AutomaticRefreshInterval = AutomaticRefreshInterval,
            // The provider's claim names as they are (sub, email, groups), not mapped onto WS-Federation URIs.
            MapInboundClaims = false,
            TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                // Providers' clocks are kept by NTP; an expired staff token should stop working within a minute.
                ClockSkew = TimeSpan.FromMinutes(1),
                // Asymmetric signatures only: a provider's keys are public, an HMAC with one would be forgeable.
                ValidAlgorithms =
                [
                    SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
                    SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
                    SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
                ],
            },
        };
        PostConfigure.PostConfigure(issuer.AbsoluteUri, options);
        return options;
    }

    private sealed record IssuerOptions(JwtBearerOptions Options, DateTimeOffset? RenewedAt);
}
