using AmbassadorNet.Persistence.Auditing;
using AmbassadorNet.Persistence.Tenancy;

namespace AmbassadorNet.Gateway.Data;

/// <summary>A brand's API key. The key itself is never stored: only its SHA-256 (see <see cref="Keys.ApiKeyFormat"/>).</summary>
public sealed class ApiKey : IBrandOwned
{
    public Guid Id { get; set; }

    public Guid BrandId { get; set; }

    /// <summary>Chosen by an admin, and a member's key is often named after them ("Fay's laptop"): personal data to the audit trail.</summary>
    [PersonalData]
    public string Name { get; set; } = "";

    /// <summary>What the keys of an erased member are called from then on.</summary>
    public const string ErasedMembersKeyName = "Key of an erased member";

    /// <summary>The first characters of the key, so people can tell their keys apart in a list.</summary>
    public string DisplayPrefix { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole key; unique, the lookup on every request.</summary>
    [AuditSecret]
    public string KeyHash { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    /// <summary>Whom the key was issued to: one of <see cref="Security.CallerKinds"/> member, machine or creator.</summary>
    public string Kind { get; set; } = Security.CallerKinds.Machine;

    /// <summary>The member a member's key was issued to.</summary>
    public Guid? MemberId { get; set; }

    /// <summary>The creator a creator credential is bound to (<see cref="Security.Roles.Creator"/>); null for every other key.</summary>
    public Guid? CreatorId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The admin key that created this one; null for a brand's first key (created by the operator).</summary>
    public Guid? CreatedByKeyId { get; set; }

    /// <summary>The party answerable for the issue (<see cref="Security.InternalCaller.KeyIssuedBy"/>); null when the operator issued it.</summary>
    public Guid? IssuedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
