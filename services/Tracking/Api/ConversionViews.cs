using AmbassadorNet.Tracking.Conversions;

namespace AmbassadorNet.Tracking.Api;

/// <summary>The body of POST /api/conversions (201): fixed once stored, so a retried post answers exactly this again.</summary>
public record ConversionView(
    Guid Id, string OrderId, decimal Amount, string Currency, DateTimeOffset OrderedAt, string Status, string? Method, string? Reason,
    Guid? EnrollmentId, Guid? CampaignId, Guid? CreatorId, Guid? ClickId, DateTimeOffset? ClickedAt, string? PromoCode, string? CustomerId,
    int? RankInMonth, IReadOnlyList<string> Flags, DateTimeOffset RecordedAt, Guid? PostId)
{
    public static ConversionView From(Conversion c) => new(
        c.Id, c.OrderId, OrderRules.Normalized(c.Amount, c.Currency), c.Currency, c.OrderedAt, c.Status, c.Method, c.Reason, c.EnrollmentId, c.CampaignId,
        c.CreatorId, c.ClickId, c.ClickedAt, c.PromoCode, c.CustomerId, c.RankInMonth, c.Flags, c.RecordedAt, c.PostId);
}

/// <summary>A conversion in GET /api/conversions: the posted view plus what refunds changed since.</summary>
public sealed record ConversionListItem : ConversionView
{
    private ConversionListItem(ConversionView posted, decimal refundedAmount) : base(posted)
    {
        RefundedAmount = refundedAmount;
        FullyRefunded = refundedAmount == posted.Amount;
    }

    public decimal RefundedAmount { get; }

    public bool FullyRefunded { get; }

    public static ConversionListItem Of(Conversion c) => new(From(c), OrderRules.Normalized(c.RefundedAmount, c.Currency));
}

public sealed record ConversionPage(IReadOnlyList<ConversionListItem> Items, string? NextCursor);

/// <summary>The body of POST /api/conversions/{orderId}/refunds (201), also answered again to a retry of the same refund.</summary>
public sealed record RefundView(
    string RefundId, string OrderId, Guid ConversionId, decimal Amount, string Currency, DateTimeOffset RefundedAt, decimal CumulativeRefunded,
    decimal OrderAmount, bool FullyRefunded, DateTimeOffset RecordedAt)
{
    public static RefundView From(ConversionRefund r, Conversion c) => new(
        r.RefundId, r.OrderId, r.ConversionId, OrderRules.Normalized(r.Amount, r.Currency), r.Currency, r.RefundedAt,
        OrderRules.Normalized(r.CumulativeRefunded, r.Currency), OrderRules.Normalized(c.Amount, c.Currency), r.CumulativeRefunded == c.Amount, r.RecordedAt);
}

/// <summary>The body POST /api/conversions takes (read field by field; this record documents it in OpenAPI).</summary>
/// <param name="Amount">Net of tax and shipping, &gt; 0, at most the currency's decimals; a JSON number or a string holding one.</param>
/// <param name="ClickId">The <c>amb_cid</c> the shop captured from the landing URL.</param>
public sealed record PostConversionRequest(
    string OrderId, decimal Amount, string Currency, DateTimeOffset OrderedAt, Guid? ClickId, string? PromoCode, string? CustomerId);

/// <summary>The body of a refund; <see cref="RefundedAt"/> defaults to the time it is received.</summary>
public sealed record PostRefundRequest(string RefundId, decimal Amount, string Currency, DateTimeOffset? RefundedAt);
