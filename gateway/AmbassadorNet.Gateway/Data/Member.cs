using AmbassadorNet.Persistence.Auditing;
using AmbassadorNet.Persistence.Tenancy;

namespace AmbassadorNet.Gateway.Data;

/// <summary>
/// A person of a brand's staff (issue #32). Only members can approve, and an approval is checked per
/// member, not per key. A member holds keys issued to them, signs in with the brand's identity
/// provider, or both.
/// </summary>
[DataSubject(DataSubjectKind.Member)]
public sealed class Member : IBrandOwned
{
    public Guid Id { get; set; }

    public Guid BrandId { get; set; }

    [PersonalData]
    public string Name { get; set; } = "";

    /// <summary>Optional: a brand's first admin, made by the operator, may have none yet.</summary>
    [PersonalData]
    public string? Email { get; set; }

    /// <summary>The most a member's keys may carry; a key's roles are cut to these on every request.</summary>
    public List<string> Roles { get; set; } = [];

    public string? IdentityIssuer { get; set; }

    /// <summary>The person's id at the brand's identity provider: personal data like their name.</summary>
    [PersonalData]
    public string? IdentitySubject { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedByKeyId { get; set; }

    public Guid? CreatedByMemberId { get; set; }

    /// <summary>
    /// The creator of the brand's programme this member also is, when the admins linked them: such a member
    /// cannot approve a change of that creator's payee details (the internal token carries it).
    /// </summary>
    public Guid? CreatorId { get; set; }

    /// <summary>A deactivated member's keys are refused and they cannot sign in.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>When the member's personal data was erased on request (<see cref="Erase"/>).</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    public const string ErasedName = "Erased member";

    /// <summary>
    /// Removes what names the person, and the creator they also were (that too says who they are); the id stays,
    /// so every record of who did what still adds up.
    /// </summary>
    public void Erase(DateTimeOffset now) =>
        (Name, Email, IdentityIssuer, IdentitySubject, CreatorId, ErasedAt) = (ErasedName, null, null, null, null, now);
}
