namespace AmbassadorNet.Gateway.Identity.Oidc;

/// <summary>
/// A brand's own OpenID Connect provider, as the brand configured it: tokens from <paramref name="Issuer"/>
/// for <paramref name="Audience"/> sign the brand's members in, and each value of the token's
/// <paramref name="RolesClaim"/> (e.g. <c>groups</c>) found in <paramref name="RoleMappings"/> grants
/// the roles it maps to (several values may map to several roles).
/// </summary>
/// <param name="Issuer">Exactly as the provider writes <c>iss</c> (and its discovery document's <c>issuer</c>), trailing slash included.</param>
public sealed record BrandIdentityProvider(
    Guid BrandId,
    string Issuer,
    string Audience,
    string RolesClaim,
    IReadOnlyDictionary<string, IReadOnlyList<string>> RoleMappings);
