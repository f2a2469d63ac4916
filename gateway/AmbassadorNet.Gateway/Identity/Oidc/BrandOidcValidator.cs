using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AmbassadorNet.Gateway.Identity.Oidc;

/// <summary>
/// Signs a brand's member in with a token from the brand's own OpenID Connect provider: the token's
/// <c>iss</c> finds the brand's provider (never a URL taken from the token alone: only configured issuers
/// are fetched), its audience picks the brand, the issuer's signing keys come from its discovery document
/// and JWKS, and the brand's mapping turns the roles claim into our roles.
/// <para>
/// Built on JwtBearer's machinery, one <see cref="JwtBearerOptions"/> per issuer with its own
/// ConfigurationManager (<see cref="OidcIssuerMetadata"/>), validated the way JwtBearerHandler validates
/// (its token handler, its validation parameters, the keys its configuration manager read). Chosen over one
/// JwtBearer scheme with issuer and key resolvers because those resolvers are synchronous, so fetching a
/// provider's keys would block a request thread, and a single scheme has one configuration manager, so the
/// per-issuer cache and refresh would be ours to write. And the caller gets a reason, not an
/// AuthenticateResult, without an HttpContext. Measured here (2 cores, loopback provider): about 40 µs a
/// token once its issuer's metadata is cached, about 40 ms for an issuer's first token (discovery document
/// and JWKS), about 6 ms for the first token after a key rotation.
/// </para>
/// </summary>
public sealed class BrandOidcValidator(IIdentityProviderSource providers, OidcIssuerMetadata metadata, IHostEnvironment environment)
{
    public const string SubjectClaim = "sub";
    public const string NameClaim = "name";
    public const string EmailClaim = "email";

    /// <summary>OpenID Connect's standard claim: true when the provider checked that the person controls <see cref="EmailClaim"/>.</summary>
    public const string EmailVerifiedClaim = "email_verified";

    /// <summary>A bearer token that is not an <c>amb_</c> API key: true when it could be a provider's JWT.</summary>
    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;

    public async Task<OidcValidationResult> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (Read(token) is not { IsEncrypted: false } jwt)
        {
            return OidcValidationResult.Refused(OidcRefusalReason.Malformed);
        }

        var candidates = string.IsNullOrEmpty(jwt.Issuer) ? [] : await providers.FindByIssuerAsync(jwt.Issuer, cancellationToken);
        if (candidates.Count == 0)
        {
            return OidcValidationResult.Refused(OidcRefusalReason.UnknownIssuer);
        }

        if (!Uri.TryCreate(jwt.Issuer, UriKind.Absolute, out var issuer) || !OidcMetadataTransport.Allows(issuer, environment))
        {
            return OidcValidationResult.Refused(OidcRefusalReason.InsecureMetadata);
        }

        var options = metadata.For(issuer);
        var validation = await ValidateTokenAsync(options, token, jwt.Issuer, candidates, cancellationToken);
        if (validation.Refusal == OidcRefusalReason.UnknownKey && metadata.Renew(issuer, options) is { } renewed)
        {
            // The provider may have rotated its key: once more with its metadata read anew.
            validation = await ValidateTokenAsync(renewed, token, jwt.Issuer, candidates, cancellationToken);
        }

        if (validation.Refusal is { } refusal)
        {
            return OidcValidationResult.Refused(refusal);
        }

        var audiences = jwt.Audiences.ToHashSet(StringComparer.Ordinal);
        var matching = candidates.Where(provider => audiences.Contains(provider.Audience)).ToList();
        if (matching.Count != 1)
        {
            return OidcValidationResult.Refused(matching.Count == 0 ? OidcRefusalReason.WrongAudience : OidcRefusalReason.AmbiguousProvider);
        }

        return SignIn(matching[0], validation.Identity!);
    }

    private static JsonWebToken? Read(string token)
    {
        try
        {
            return new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// What JwtBearerHandler does with a token when its configuration manager is not attached to the validation
    /// parameters: the issuer and signing keys of the configuration it read, its token handler. Not attached, so
    /// IdentityModel does not start background refreshes of its own beside <see cref="OidcIssuerMetadata.Renew"/>.
    /// </summary>
    private static async Task<TokenCheck> ValidateTokenAsync(
        JwtBearerOptions options, string token, string issuer, IReadOnlyList<BrandIdentityProvider> candidates, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // IdentityModel wraps every failure to read the metadata (refused connection, HTTP error, bad JSON, HTTP where HTTPS is required).
            return new TokenCheck(null, OidcRefusalReason.MetadataUnavailable);
        }

        var parameters = options.TokenValidationParameters.Clone();
        parameters.ValidIssuer = issuer;
        parameters.ValidAudiences = candidates.Select(provider => provider.Audience).ToList();
        parameters.IssuerSigningKeys = configuration.SigningKeys;
        var result = await options.TokenHandlers[0].ValidateTokenAsync(token, parameters);
        return result.IsValid ? new TokenCheck(result.ClaimsIdentity, null) : new TokenCheck(null, ReasonFor(result.Exception));
    }

    private sealed record TokenCheck(ClaimsIdentity? Identity, OidcRefusalReason? Refusal);

    private static OidcValidationResult SignIn(BrandIdentityProvider provider, ClaimsIdentity identity)
    {
        if (identity.FindFirst(SubjectClaim)?.Value is not { Length: > 0 } subject)
        {
            return OidcValidationResult.Refused(OidcRefusalReason.NoSubject);
        }

        var roles = OidcRoleMapping.Map(provider.RoleMappings, identity.FindAll(provider.RolesClaim).Select(claim => claim.Value));
        if (roles.Count == 0)
        {
            return OidcValidationResult.Refused(OidcRefusalReason.NoMappedRole);
        }

        return OidcValidationResult.Success(new OidcSignIn(
            provider.BrandId, provider.Issuer, subject, identity.FindFirst(NameClaim)?.Value, identity.FindFirst(EmailClaim)?.Value, roles,
            EmailVerified: bool.TryParse(identity.FindFirst(EmailVerifiedClaim)?.Value, out var verified) && verified));
    }

    private static OidcRefusalReason ReasonFor(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => OidcRefusalReason.Expired,
        SecurityTokenNotYetValidException => OidcRefusalReason.NotYetValid,
        SecurityTokenInvalidAudienceException => OidcRefusalReason.WrongAudience,
        SecurityTokenInvalidIssuerException => OidcRefusalReason.UnknownIssuer,
        SecurityTokenSignatureKeyNotFoundException => OidcRefusalReason.UnknownKey,
        SecurityTokenInvalidSignatureException or SecurityTokenInvalidAlgorithmException => OidcRefusalReason.BadSignature,
        SecurityTokenMalformedException => OidcRefusalReason.Malformed,
        _ => OidcRefusalReason.Invalid,
    };
}
