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
    /// A compact JWS for one hop to the service named by <paramref name="audience"/>.
    /// <paramref name="keyId"/> is the API key id (absent for operator calls); <paramref name="lifetime"/>
    /// defaults to 30 s and may not exceed 60 s; <paramref name="creatorId"/> binds a creator credential
    /// (<see cref="CreatorBinding"/>).
    /// </summary>
    public string Issue(string audience, Guid brandId, IEnumerable<string> roles, Guid? keyId = null, TimeSpan? lifetime = null, Guid? creatorId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        ArgumentNullException.ThrowIfNull(roles);
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

        if (brandId == Guid.Empty && !roleList.Contains(Roles.Operator, StringComparer.Ordinal))
        {
            throw new ArgumentException("Only operator calls may carry no brand.", nameof(brandId));
        }

        if (CreatorBinding.Violation(roleList, creatorId) is { } violation)
        {
            throw new ArgumentException(violation, nameof(creatorId));
        }

        // Whole seconds, as JWT times are: exp - iat then equals the lifetime exactly after encoding.
        var now = DateTimeOffset.FromUnixTimeSeconds(_timeProvider.GetUtcNow().ToUnixTimeSeconds());
        var claims = new Dictionary<string, object>
        {
            [InternalToken.TokenIdClaim] = Guid.CreateVersion7(now).ToString(),
            [InternalToken.BrandClaim] = brandId.ToString(),
            [InternalToken.RolesClaim] = roleList,
        };
        if (keyId is { } apiKeyId)
        {
            claims[InternalToken.ApiKeyIdClaim] = apiKeyId.ToString();
        }

        if (creatorId is { } creator)
        {
            claims[InternalToken.CreatorClaim] = creator.ToString();
        }

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
