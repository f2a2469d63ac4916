using AmbassadorNet.Persistence.Tenancy;

namespace AmbassadorNet.Gateway.Data;

/// <summary>
/// A person of a brand's staff (issue #32). Only members can approve, and an approval is checked per
/// member, not per key. A member holds keys issued to them, signs in with the brand's identity
/// provider, or both.
/// </summary>
public sealed class Member : IBrandOwned
{
    public Guid Id { get; set; }

    public Guid BrandId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Optional: a brand's first admin, made by the operator, may have none yet.</summary>
    public string? Email { get; set; }

    /// <summary>The most a member's keys may carry; a key's roles are cut to these on every request.</summary>
    public List<string> Roles { get; set; } = [];

    public string? IdentityIssuer { get; set; }

    public string? IdentitySubject { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedByKeyId { get; set; }

    public Guid? CreatedByMemberId { get; set; }

    /// <summary>A deactivated member's keys are refused and they cannot sign in.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
}
