using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AmbassadorNet.Security;

/// <summary>
/// Authenticates a service's caller from the gateway's internal token (<c>Authorization: Bearer</c>).
/// No header gives no result, so authorization answers 401; a bad token fails with a short reason
/// that is logged without the token. A token already validated is recognised by its text
/// (<see cref="VerifiedTokens"/>) until its exp.
/// </summary>
public sealed partial class InternalTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    InternalPublicKeys publicKeys,
    VerifiedTokens verifiedTokens,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    private static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers.Authorization;
        if (headers.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (headers.Count > 1)
        {
            return Refuse("several Authorization headers");
        }

        var header = headers[0];
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse("not a bearer token");
        }

        var text = header[BearerPrefix.Length..].Trim();
        if (verifiedTokens.Find(text, clock.GetUtcNow()) is { } known)
        {
            return Success(known);
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = Tokens.ReadJsonWebToken(text);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            return Refuse("malformed token");
        }

        // Checked up front as well as by ValidAlgorithms: the library reports a refused algorithm as a
        // generic signature failure, and the log should say what an attacker actually tried.
        if (!string.Equals(unvalidated.Alg, InternalToken.Algorithm, StringComparison.Ordinal))
        {
            return Refuse("algorithm not allowed");
        }

        var result = await Tokens.ValidateTokenAsync(unvalidated, Parameters());
        if (!result.IsValid)
        {
            return Refuse(ReasonFor(result.Exception));
        }

        var token = (JsonWebToken)result.SecurityToken;
        var outcome = CheckLifetime(token) ?? Identify(token);
        if (outcome.Succeeded && token.TryGetPayloadValue<long>(InternalToken.IssuedAtClaim, out var iat))
        {
            verifiedTokens.Remember(text, (ClaimsIdentity)outcome.Principal!.Identity!, DateTimeOffset.FromUnixTimeSeconds(iat) - InternalToken.MaxClockSkew,
                new DateTimeOffset(token.ValidTo, TimeSpan.Zero), clock.GetUtcNow());
        }

        return outcome;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    private TokenValidationParameters Parameters() => new()
    {
        // Only ES256: HS256 (a forger's "shared secret" being our public key) and "none" are refused.
        ValidAlgorithms = [InternalToken.Algorithm],
        ValidTypes = [InternalToken.TokenType],
        RequireSignedTokens = true,
        IssuerSigningKeyResolver = (_, _, kid, _) => publicKeys.Find(kid) is { } key ? [key] : [],
        TryAllIssuerSigningKeys = false,
        // No iss claim: whoever holds a private key whose public half is configured here is the gateway.
        ValidateIssuer = false,
        ValidateAudience = true,
        RequireAudience = true,
        ValidAudience = publicKeys.Audience,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = InternalToken.MaxClockSkew,
        // TokenValidationParameters.TimeProvider is not public in 8.16, so exp and nbf are checked
        // here against the service's clock (tests and the Testing offset clock move it).
        LifetimeValidator = (notBefore, expires, _, _) => InternalTokenLifetime.Validate(notBefore, expires, clock.GetUtcNow()),
    };

    /// <summary>The library checks exp; the contract also caps exp - iat and refuses tokens from the future.</summary>
    private AuthenticateResult? CheckLifetime(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<long>(InternalToken.IssuedAtClaim, out var iat))
        {
            return Refuse("no iat");
        }

        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(iat);
        var expires = new DateTimeOffset(token.ValidTo, TimeSpan.Zero);
        if (expires - issuedAt > InternalToken.MaxLifetime)
        {
            return Refuse("lifetime over 60 s");
        }

        return issuedAt > clock.GetUtcNow() + InternalToken.MaxClockSkew ? Refuse("issued in the future") : null;
    }

    /// <summary>The caller as the token names it: a ticket, or a refusal when a claim breaks the contract.</summary>
    private AuthenticateResult Identify(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<string>(InternalToken.BrandClaim, out var brandText) || !Guid.TryParse(brandText, out var brandId))
        {
            return Refuse("no brand");
        }

        var roles = token.Claims.Where(c => c.Type == InternalToken.RolesClaim).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
        {
            return Refuse("no roles");
        }

        var (caller, refusal) = InternalCallerClaims.Read(token);
        if (caller is null)
        {
            return Refuse(refusal!);
        }

        // Same rule as the issuer: the kind fits the roles and the brand (only the operator has none).
        if (CallerBinding.Violation(caller, roles, brandId) is not null)
        {
            return Refuse(brandId == Guid.Empty ? "no brand" : "caller does not fit the roles");
        }

        var claims = new List<Claim>
        {
            new(InternalToken.BrandClaim, brandId.ToString()),
            new(InternalToken.TokenIdClaim, token.Id),
        };
        claims.AddRange(InternalCallerClaims.ToClaims(caller));
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return Success(new ClaimsIdentity(claims, Scheme.Name, InternalToken.ApiKeyIdClaim, ClaimTypes.Role));
    }

    private AuthenticateResult Success(ClaimsIdentity identity) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));

    private AuthenticateResult Refuse(string reason)
    {
        LogRefused(Logger, reason);
        return AuthenticateResult.Fail(reason);
    }

    /// <summary>Most specific exceptions first: several derive from the signature and lifetime ones.</summary>
    private static string ReasonFor(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException => "unknown signing key",
        SecurityTokenInvalidSignatureException => "invalid signature",
        SecurityTokenExpiredException => "expired",
        SecurityTokenNotYetValidException => "not yet valid",
        SecurityTokenNoExpirationException => "no exp",
        SecurityTokenInvalidLifetimeException => "invalid lifetime",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidTypeException => "wrong token type",
        SecurityTokenMalformedException or ArgumentException => "malformed token",
        null => "invalid token",
        _ => $"invalid token ({exception.GetType().Name})",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Internal token refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
