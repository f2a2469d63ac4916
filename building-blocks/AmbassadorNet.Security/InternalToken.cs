namespace AmbassadorNet.Security;

/// <summary>
/// The contract of the internal identity token that the gateway signs and every service validates:
/// one place for the names, so the signer and the validators cannot drift apart.
/// </summary>
public static class InternalToken
{
    /// <summary>The authentication scheme services register for the token.</summary>
    public const string AuthenticationScheme = "Internal";

    /// <summary>ES256 only: services hold public keys, so a symmetric or unsigned token can never be valid.</summary>
    public const string Algorithm = "ES256";

    public const string TokenType = "JWT";

    /// <summary>Header naming the gateway key that signed the token; services look up exactly that key.</summary>
    public const string KeyIdHeader = "kid";

    /// <summary>The brand id (a Guid): the tenant key of every service.</summary>
    public const string BrandClaim = "brand";

    /// <summary>The API key id (a Guid) behind the call; absent for operator calls.</summary>
    public const string ApiKeyIdClaim = "keyId";

    /// <summary>The creator (a Guid) a creator credential is bound to; present exactly when the roles are <see cref="Roles.Creator"/>.</summary>
    public const string CreatorClaim = "creator";

    /// <summary>What stands behind the call, one of <see cref="CallerKinds"/>; always present.</summary>
    public const string KindClaim = "kind";

    /// <summary>The member (a Guid) of a member's call.</summary>
    public const string MemberClaim = "member";

    /// <summary>When the call's API key was issued, in Unix milliseconds rounded up (a key never looks older than it is); approvals check it against the request.</summary>
    public const string KeyIssuedAtClaim = "keyIssuedAt";

    /// <summary>The party answerable for the key's issue (<see cref="InternalCaller.KeyIssuedBy"/>).</summary>
    public const string KeyIssuedByClaim = "keyIssuedBy";

    /// <summary>The issuer of the brand's identity provider that signed a member in (no key then: <c>keyId</c> is the member's id).</summary>
    public const string SignedInWithClaim = "idp";

    /// <summary>The creator (a Guid) a member's call is also, when the brand linked them (<see cref="InternalCaller.MemberCreatorId"/>).</summary>
    public const string MemberCreatorClaim = "memberCreator";

    /// <summary>The caller's roles, a JSON array of <see cref="Roles"/> values.</summary>
    public const string RolesClaim = "roles";

    public const string AudienceClaim = "aud";
    public const string ExpiresClaim = "exp";
    public const string IssuedAtClaim = "iat";
    public const string TokenIdClaim = "jti";

    /// <summary>The token only has to survive one hop from the gateway to a service.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Gateway and services share machines' clocks closely; anything looser widens the replay window.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(5);

    /// <summary>Prefix of every service's audience, e.g. <c>ambassadornet-creators</c>.</summary>
    public const string AudiencePrefix = "ambassadornet-";

    /// <summary>The audience the gateway uses for a service, so both sides derive it the same way.</summary>
    public static string AudienceFor(string service)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        return AudiencePrefix + service;
    }
}
