using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AmbassadorNet.Gateway.Identity.Oidc;

/// <summary>
/// One <see cref="JwtBearerOptions"/> per issuer, finished by JwtBearer's own post-configuration as a
/// scheme's would be: its <see cref="ConfigurationManager{T}"/> reads the discovery document and the JWKS
/// once and caches them (re-read every <see cref="AutomaticRefreshInterval"/>, or sooner when a token's
/// kid is unknown). Keyed by issuer, not brand: brands sharing a provider share its metadata.
/// </summary>
public sealed class OidcIssuerMetadata : IDisposable
{
    /// <summary>
    /// How stale the keys may be: a key the provider withdrew (leaked) is trusted at most this long.
    /// JwtBearer's default is 12 hours.
    /// </summary>
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(1);

    /// <summary>Tokens with unknown kids trigger at most one metadata read per issuer in this interval, so they cannot flood the provider.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private static readonly JwtBearerPostConfigureOptions PostConfigure = new();

    private readonly ConcurrentDictionary<string, JwtBearerOptions> byIssuer = new(StringComparer.Ordinal);

    // One client for every provider; its handler renews connections so a provider's DNS changes are seen.
    private readonly HttpClient backchannel = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(10),
        MaxResponseContentBufferSize = 1024 * 1024,
    };

    /// <summary>The options for an issuer whose transport <see cref="OidcMetadataTransport"/> allowed.</summary>
    public JwtBearerOptions For(Uri issuer) => byIssuer.GetOrAdd(issuer.AbsoluteUri, _ => Create(issuer));

    public void Dispose() => backchannel.Dispose();

    private JwtBearerOptions Create(Uri issuer)
    {
        var options = new JwtBearerOptions
        {
            Authority = issuer.AbsoluteUri,
            RequireHttpsMetadata = issuer.Scheme == Uri.UriSchemeHttps,
            Backchannel = backchannel,
            AutomaticRefreshInterval = AutomaticRefreshInterval,
            RefreshInterval = RefreshInterval,
            RefreshOnIssuerKeyNotFound = true,
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
        // A key the provider stopped publishing is not trusted from the next metadata read on (IdentityModel
        // would otherwise keep the previous configuration as "last known good" for an hour).
        ((BaseConfigurationManager)options.ConfigurationManager!).UseLastKnownGoodConfiguration = false;
        return options;
    }
}
