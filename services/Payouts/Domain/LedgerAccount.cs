namespace AmbassadorNet.Payouts.Domain;

/// <summary>An account of the ledger; created on first use, never changed. Its balance is the sum of its entries.</summary>
public sealed class LedgerAccount : BrandOwnedEntity
{
    public string Currency { get; set; } = "";

    public AccountKind Kind { get; set; }

    /// <summary>Null for brand accounts.</summary>
    public Guid? CreatorId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
