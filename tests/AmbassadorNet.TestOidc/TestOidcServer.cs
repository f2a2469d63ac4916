using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AmbassadorNet.TestOidc;

/// <summary>
/// OpenIddict's server in degraded mode (no store: the one client is checked by the handlers below),
/// with the authorization code flow, PKCE required, and access tokens as signed, unencrypted JWTs.
/// </summary>
internal static class TestOidcServer
{
    public const string ClientId = "ambassadornet-tests";
    public const string CallbackPath = "/callback";

    /// <summary>The token request's parameter that backdates the access token (an expired token on demand).</summary>
    public const string IssuedAtParameter = "test_issued_at";

    /// <summary>
    /// The authorization request's parameter naming the token's audience. Not Auth0's "audience": OpenIddict 7
    /// refuses that name outside token exchange (ID2193), and RFC 8707's "resource" must be an absolute URI,
    /// which many providers' audiences (a client id, "account") are not.
    /// </summary>
    public const string AudienceParameter = "test_audience";

    public static void Add(IServiceCollection services, ConcurrentDictionary<string, TestOidcUser> users, TimeSpan accessTokenLifetime)
    {
        services.AddOpenIddict().AddServer(server =>
        {
            server.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .AllowAuthorizationCodeFlow()
                .RequireProofKeyForCodeExchange()
                .SetAccessTokenLifetime(accessTokenLifetime)
                .EnableDegradedMode()
                // The gateway reads these tokens with JwtBearer: a JWS it can verify with the JWKS, not a JWE.
                .DisableAccessTokenEncryption()
                .AddSigningCredentials(TestOidcSigningKeys.Create())
                // Authorization codes stay encrypted; a symmetric key is the cheapest to make per provider.
                .AddEncryptionKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)));

            // Plain HTTP on 127.0.0.1: OpenIddict refuses non-HTTPS requests unless told otherwise.
            server.UseAspNetCore().DisableTransportSecurityRequirement();

            server.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Only the tests' client is known here.");
                }
                else if (context.RedirectUri is not { } redirect || new Uri(redirect).AbsolutePath != CallbackPath)
                {
                    context.Reject(Errors.InvalidRequest, $"The redirect_uri must be this provider's {CallbackPath}.");
                }

                return default;
            }));

            server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Only the tests' client is known here.");
                }

                return default;
            }));

            // The test login: the user named by login_hint is signed in without a password.
            server.AddEventHandler<HandleAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.Request.LoginHint is not { } hint || !users.TryGetValue(hint, out var user))
                {
                    context.Reject(Errors.LoginRequired, "login_hint must name a user the test registered.");
                    return default;
                }

                context.SignIn(Principal(user, (string?)context.Request[AudienceParameter]));
                return default;
            }));

            server.AddEventHandler<ProcessSignInContext>(handler => handler
                .UseInlineHandler(context =>
                {
                    if (context.AccessTokenPrincipal is { } principal && (string?)context.Request?[IssuedAtParameter] is { } issuedAt)
                    {
                        var created = DateTimeOffset.FromUnixTimeSeconds(long.Parse(issuedAt, CultureInfo.InvariantCulture));
                        principal.SetCreationDate(created).SetExpirationDate(created + accessTokenLifetime);
                    }

                    return default;
                })
                .SetOrder(OpenIddictServerHandlers.PrepareAccessTokenPrincipal.Descriptor.Order + 1));
        });
    }

    private static ClaimsPrincipal Principal(TestOidcUser user, string? audience)
    {
        var identity = new ClaimsIdentity(authenticationType: "TestOidc", nameType: Claims.Name, roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject)
            .SetClaim(Claims.Name, user.Name)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.EmailVerified, user.EmailVerified)
            .SetClaims(TestOidcUser.GroupsClaim, [.. user.Groups]);
        identity.SetScopes(Scopes.OpenId);
        if (audience is not null)
        {
            // OpenIddict turns the principal's resources into the access token's aud.
            identity.SetResources(audience);
        }

        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
