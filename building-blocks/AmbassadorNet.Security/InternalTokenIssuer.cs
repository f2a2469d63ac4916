using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AmbassadorNet.Security;

/// <summary>
/// Signs internal tokens. Only the gateway (and tests) hold a private key; services validate with
/// <see cref="InternalTokenAuthenticationHandler"/>. Thread-safe; does not own the key.
/// </summary>
public sealed class InternalTokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _timeProvider;

    public InternalTokenIssuer(ECDsa privateKey, string signingKeyId, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(signingKeyId);
        ArgumentNullException.ThrowIfNull(timeProvider);
        InternalKeys.EnsureP256(privateKey);
        SigningKeyId = signingKeyId;
        _timeProvider = timeProvider;
        _credentials = new SigningCredentials(new ECDsaSecurityKey(privateKey) { KeyId = signingKeyId }, SecurityAlgorithms.EcdsaSha256);
    }

    /// <summary>The kid written in every token's header.</summary>
    public string SigningKeyId { get; }

    /// <summary>
    /// A compact JWS for one hop to the service named by <paramref name="audience"/>, for
    /// <paramref name="caller"/> (which must fit its roles and brand: <see cref="CallerBinding"/>);
    /// <paramref name="lifetime"/> defaults to 30 s and may not exceed 60 s.
    /// </summary>
    public string Issue(string audience, Guid brandId, IEnumerable<string> roles, InternalCaller caller, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(caller);
        var validity = lifetime ?? InternalToken.DefaultLifetime;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(validity, TimeSpan.Zero, nameof(lifetime));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(validity, InternalToken.MaxLifetime, nameof(lifetime));
        var roleList = roles.Distinct(StringComparer.Ordinal).ToArray();
        if (roleList.Length == 0)
        {
            throw new ArgumentException("A token needs at least one role.", nameof(roles));
        }

        if (roleList.FirstOrDefault(r => !Roles.IsKnown(r)) is { } unknown)
        {
            throw new ArgumentException($"Unknown role '{unknown}'.", nameof(roles));
        }

        if (CallerBinding.Violation(caller, roleList, brandId) is { } violation)
        {
            throw new ArgumentException(violation, nameof(caller));
        }

        // Whole seconds, as JWT times are: exp - iat then equals the lifetime exactly after encoding.
        var now = DateTimeOffset.FromUnixTimeSeconds(_timeProvider.GetUtcNow().ToUnixTimeSeconds());
        var claims = new Dictionary<string, object>
        {
            [InternalToken.TokenIdClaim] = Guid.CreateVersion7(now).ToString(),
            [InternalToken.BrandClaim] = brandId.ToString(),
            [InternalToken.RolesClaim] = roleList,
        };
        InternalCallerClaims.Write(caller, claims);

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            Expires = (now + validity).UtcDateTime,
            TokenType = InternalToken.TokenType,
            Claims = claims,
            SigningCredentials = _credentials,
        });
    }
}
