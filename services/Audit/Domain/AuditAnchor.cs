namespace AmbassadorNet.Audit.Domain;

/// <summary>A head of the chain as it was published (AuditChainAnchored): the copy the service keeps for listing and for GET verify.</summary>
public sealed class AuditAnchor : IBrandOwned
{
    public Guid Id { get; set; }

    public Guid BrandId { get; set; }

    public long Seq { get; set; }

    public byte[] EntryHash { get; set; } = [];

    public DateTimeOffset AnchoredAt { get; set; }
}
