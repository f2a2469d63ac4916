namespace AmbassadorNet.Audit.Domain;

/// <summary>A creator erased on request: their personal data in entries that arrive later (queues do not keep order) is not stored either.</summary>
public sealed class AuditErasure : IBrandOwned
{
    public Guid BrandId { get; set; }

    public Guid CreatorId { get; set; }

    public DateTimeOffset ErasedAt { get; set; }
}
