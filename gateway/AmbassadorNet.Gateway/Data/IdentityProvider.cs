using AmbassadorNet.Persistence.Tenancy;

namespace AmbassadorNet.Gateway.Data;

/// <summary>
/// A brand's own OpenID Connect provider (issue #32): tokens from <see cref="Issuer"/> for
/// <see cref="Audience"/> sign the brand's members in, and each value of the token's
/// <see cref="RolesClaim"/> found in <see cref="RoleMappings"/> grants the roles it maps to.
/// </summary>
public sealed class IdentityProvider : IBrandOwned
{
    public Guid BrandId { get; set; }

    public string Issuer { get; set; } = "";

    public string Audience { get; set; } = "";

    public string RolesClaim { get; set; } = "";

    /// <summary>Claim value → roles; stored as a JSON object.</summary>
    public Dictionary<string, List<string>> RoleMappings { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedByKeyId { get; set; }

    public Guid? UpdatedByMemberId { get; set; }
}
