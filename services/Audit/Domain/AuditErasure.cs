namespace AmbassadorNet.Audit.Domain;

/// <summary>A person erased on request: their personal data in entries that arrive later (queues do not keep order) is not stored either.</summary>
public sealed class AuditErasure : IBrandOwned
{
    public const string Creator = "creator";
    public const string Member = "member";

    public Guid BrandId { get; set; }

    /// <summary><see cref="Creator"/> or <see cref="Member"/>.</summary>
    public string SubjectKind { get; set; } = Creator;

    public Guid SubjectId { get; set; }

    public DateTimeOffset ErasedAt { get; set; }
}
