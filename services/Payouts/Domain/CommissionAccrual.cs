using AmbassadorNet.Commissions;

namespace AmbassadorNet.Payouts.Domain;

/// <summary>
/// The commission of one attributed conversion and what happened to it since: released once its
/// holding period ended, reversed in part or whole by refunds. The ledger holds the money; this row
/// holds the state the rules need (and locks the conversion against a concurrent release or refund).
/// </summary>
public sealed class CommissionAccrual : IBrandOwned
{
    public Guid ConversionId { get; set; }

    public Guid BrandId { get; set; }

    public string OrderId { get; set; } = "";

    public Guid EnrollmentId { get; set; }

    public Guid CampaignId { get; set; }

    public Guid CreatorId { get; set; }

    /// <summary>The post whose promo code or link attributed the order, if any: its reversals name it too.</summary>
    public Guid? PostId { get; set; }

    public string Currency { get; set; } = "";

    public decimal OrderAmount { get; set; }

    public decimal Commission { get; set; }

    public PlanKind PlanKind { get; set; }

    public bool FromOverride { get; set; }

    /// <summary>A flat amount (flat plan or flat tier): refunds reverse it only when the order is fully refunded.</summary>
    public bool FlatCommission { get; set; }

    public int TermsVersion { get; set; }

    public int RankInMonth { get; set; }

    public DateTimeOffset OrderedAt { get; set; }

    public DateTimeOffset ReleasableAt { get; set; }

    public DateTimeOffset AccruedAt { get; set; }

    /// <summary>Null when the commission was zero: nothing was posted.</summary>
    public Guid? TransactionId { get; set; }

    public DateTimeOffset? ReleasedAt { get; set; }

    /// <summary>What moved from pending to available: the commission less what refunds reversed before release.</summary>
    public decimal? ReleasedAmount { get; set; }

    public Guid? ReleaseTransactionId { get; set; }

    public decimal ReversedAmount { get; set; }

    public decimal CumulativeRefunded { get; set; }

    public bool IsReleased => ReleasedAt is not null;
}

/// <summary>One refund of a conversion as payouts applied it (zero when it reversed nothing, e.g. a partial refund of a flat commission).</summary>
public sealed class CommissionReversal : BrandOwnedEntity
{
    public Guid ConversionId { get; set; }

    public string RefundId { get; set; } = "";

    public decimal CumulativeRefunded { get; set; }

    public decimal Amount { get; set; }

    public bool ClawedBack { get; set; }

    public Guid? TransactionId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
