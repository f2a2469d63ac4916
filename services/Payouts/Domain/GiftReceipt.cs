namespace AmbassadorNet.Payouts.Domain;

/// <summary>
/// A gift a creator received (GiftDelivered): goods, never cash, so it touches no ledger account. It
/// is kept for the payee totals of the year it was delivered, where some tax regimes count it as
/// income. One per gift.
/// </summary>
public sealed class GiftReceipt : IBrandOwned
{
    public Guid GiftId { get; set; }

    public Guid BrandId { get; set; }

    public Guid CreatorId { get; set; }

    public Guid CampaignId { get; set; }

    public decimal Value { get; set; }

    public string Currency { get; set; } = "";

    public DateOnly DeliveredOn { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
