namespace AmbassadorNet.Audit.Domain;

/// <summary>
/// The end of a brand's chain. Appenders lock this row, so a brand's entries are numbered and hashed
/// one after another; <see cref="AnchoredSeq"/> tells the anchor job whether the head moved.
/// </summary>
public sealed class AuditHead : IBrandOwned
{
    public Guid BrandId { get; set; }

    public long LastSeq { get; set; }

    public byte[] LastHash { get; set; } = [];

    public long AnchoredSeq { get; set; }
}
