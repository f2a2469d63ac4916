namespace AmbassadorNet.Audit.Domain;

/// <summary>
/// One changed row, as a link of its brand's chain: <see cref="Seq"/> counts from 1 per brand, and
/// <see cref="EntryHash"/> covers <see cref="PrevHash"/> and every other column (<see cref="EntryHashing"/>),
/// so changing any entry breaks every hash after it. The database refuses UPDATE and DELETE.
/// Personal data is not here but in an <see cref="AuditPersonal"/> row that erasure deletes;
/// <see cref="PersonalHash"/> stays, so the chain verifies without it.
/// </summary>
public sealed class AuditEntry : IBrandOwned
{
    public Guid BrandId { get; set; }

    public long Seq { get; set; }

    public Guid Id { get; set; }

    /// <summary>The AuditRecorded message the entry came from (one message, one entry per changed row).</summary>
    public Guid MessageId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string Service { get; set; } = "";

    public string? RequestId { get; set; }

    public string CallerKind { get; set; } = "";

    public Guid? CallerKeyId { get; set; }

    public Guid? CallerMemberId { get; set; }

    public Guid? CallerCreatorId { get; set; }

    public string Action { get; set; } = "";

    public string Method { get; set; } = "";

    public string Route { get; set; } = "";

    public string SubjectType { get; set; } = "";

    public string SubjectId { get; set; } = "";

    /// <summary>created, updated or deleted.</summary>
    public string Operation { get; set; } = "";

    /// <summary>The changed fields without personal data: {"field": {"before": …, "after": …}}.</summary>
    public string Changes { get; set; } = "{}";

    public byte[]? PersonalHash { get; set; }

    public byte[] PrevHash { get; set; } = [];

    public byte[] EntryHash { get; set; } = [];
}
