namespace AmbassadorNet.Tracking.Domain;

/// <summary>
/// An order a partner shop posted, attributed once when first posted and never re-attributed;
/// refunds only add to <see cref="RefundedAmount"/>. Everything but the refunded total and the rank
/// is fixed at insert, which is what lets a retried POST answer the original body.
/// </summary>
public sealed class Conversion : BrandOwnedEntity
{
    public string OrderId { get; set; } = "";

    /// <summary>Net of tax and shipping, rounded to the currency's minor unit.</summary>
    public decimal Amount { get; set; }

    public string Currency { get; set; } = "";

    public DateTimeOffset OrderedAt { get; set; }

    /// <summary>The click id the shop sent (its <c>amb_cid</c>), whether or not it attributed.</summary>
    public Guid? ClickId { get; set; }

    /// <summary>The promo code as the shop sent it.</summary>
    public string? PromoCode { get; set; }

    public string? CustomerId { get; set; }

    /// <summary>"attributed" or "unattributed".</summary>
    public string Status { get; set; } = "";

    /// <summary>"promo_code" or "click" when attributed.</summary>
    public string? Method { get; set; }

    /// <summary>Why it was not attributed (see ConversionUnattributed).</summary>
    public string? Reason { get; set; }

    public Guid? EnrollmentId { get; set; }

    public Guid? CampaignId { get; set; }

    public Guid? CreatorId { get; set; }

    /// <summary>The post whose promo code or link attributed the order, if it was a post's.</summary>
    public Guid? PostId { get; set; }

    /// <summary>The time of <see cref="ClickId"/> when that click is known here.</summary>
    public DateTimeOffset? ClickedAt { get; set; }

    public int? RankInMonth { get; set; }

    public List<string> Flags { get; set; } = [];

    public decimal RefundedAmount { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>One refund of an order, by the shop's refund id (unique per order).</summary>
public sealed class ConversionRefund : BrandOwnedEntity
{
    public Guid ConversionId { get; set; }

    public string OrderId { get; set; } = "";

    public string RefundId { get; set; } = "";

    public decimal Amount { get; set; }

    public string Currency { get; set; } = "";

    public DateTimeOffset RefundedAt { get; set; }

    /// <summary>The order's refunded total including this refund, as answered and published then.</summary>
    public decimal CumulativeRefunded { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>The last RankInMonth given for an enrollment's orders of one UTC month.</summary>
public sealed class ConversionMonthRank : IBrandOwned
{
    public Guid BrandId { get; set; }

    public Guid EnrollmentId { get; set; }

    public DateOnly Month { get; set; }

    public int LastRank { get; set; }
}
