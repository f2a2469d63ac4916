namespace AmbassadorNet.Audit.Domain;

/// <summary>
/// The personal fields of one entry, and whose they are. Erasing that person deletes the row, salt
/// included; the entry's personal_hash = SHA-256(salt ‖ data) stays, and without the salt an erased
/// value cannot be recovered by guessing it and hashing the guess.
/// </summary>
public sealed class AuditPersonal : IBrandOwned
{
    public Guid EntryId { get; set; }

    public Guid BrandId { get; set; }

    public Guid? CreatorId { get; set; }

    public Guid? MemberId { get; set; }

    public byte[] Salt { get; set; } = [];

    /// <summary>{"creatorId": …, "memberId": …, "fields": {…}}, as hashed.</summary>
    public string Data { get; set; } = "{}";
}
