using Microsoft.IdentityModel.Tokens;

namespace AmbassadorNet.Security;

/// <summary>
/// exp and nbf against an injected clock, with the contract's skew. Throws the library's own
/// exception types so a refusal reads the same as one from the built-in validator.
/// </summary>
internal static class InternalTokenLifetime
{
    public static bool Validate(DateTime? notBefore, DateTime? expires, DateTimeOffset now)
    {
        if (expires is not { } exp)
        {
            throw new SecurityTokenNoExpirationException("The token has no exp.");
        }

        var expiresAt = new DateTimeOffset(DateTime.SpecifyKind(exp, DateTimeKind.Utc));
        if (notBefore is { } nbf && new DateTimeOffset(DateTime.SpecifyKind(nbf, DateTimeKind.Utc)) > now + InternalToken.MaxClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = nbf };
        }

        if (expiresAt < now - InternalToken.MaxClockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = exp };
        }

        return true;
    }
}
