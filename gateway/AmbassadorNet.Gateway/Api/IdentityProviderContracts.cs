namespace AmbassadorNet.Gateway.Api;

/// <summary>
/// The brand's OpenID Connect provider: tokens from <see cref="Issuer"/> (exactly as the provider writes
/// <c>iss</c>) for <see cref="Audience"/> sign members in; each value of <see cref="RolesClaim"/> (groups when
/// absent) found in <see cref="RoleMappings"/> grants those roles (admin, manager, finance, analyst).
/// </summary>
public sealed record IdentityProviderRequest(string? Issuer, string? Audience, string? RolesClaim, IReadOnlyDictionary<string, IReadOnlyList<string>>? RoleMappings);

public sealed record IdentityProviderView(
    string Issuer, string Audience, string RolesClaim, IReadOnlyDictionary<string, IReadOnlyList<string>> RoleMappings, DateTimeOffset UpdatedAt);
