namespace AmbassadorNet.Contracts.Tracking;

// Conversions are orders that partner systems (shops) post to the tracking service. Each order is
// attributed once, when it is first posted, and never re-attributed; refunds only reverse it.

/// <summary>
/// An order was attributed to an enrollment. Carries everything payouts (commission) and analytics
/// (revenue) need, so neither has to call back.
/// </summary>
/// <param name="ConversionId">UUIDv7 of the conversion; stable across retries of the same order.</param>
/// <param name="OrderId">The shop's order id, unique per brand.</param>
/// <param name="Amount">Net of tax and shipping, in the campaign's currency (other currencies are refused).</param>
/// <param name="Method">"promo_code" or "click".</param>
/// <param name="ClickId">The click that attributed the order (method "click"), or the click the shop also sent.</param>
/// <param name="ClickedAt">The time of <paramref name="ClickId"/>, when known.</param>
/// <param name="OrderedAt">When the customer placed the order (the shop's clock); commission terms and
/// the holding period are taken at this time.</param>
/// <param name="RankInMonth">1, 2, 3… among the enrollment's attributed conversions whose order falls in
/// the same UTC calendar month, in attribution order: the rank tiered plans use. Assigned once by
/// tracking so every consumer agrees whatever order the events arrive in.</param>
/// <param name="Flags">Suspicious but kept: "click_to_order_under_5s", "order_before_click".</param>
/// <param name="PostId">The post whose promo code or link attributed the order; it counts for that post,
/// its enrollment and its creator. Null when the code or link is the enrollment's own.</param>
public sealed record ConversionAttributed(
    Guid BrandId,
    DateTimeOffset OccurredAt,
    Guid ConversionId,
    string OrderId,
    Guid EnrollmentId,
    Guid CampaignId,
    Guid CreatorId,
    MoneyAmount Amount,
    string Method,
    string? PromoCode,
    Guid? ClickId,
    DateTimeOffset? ClickedAt,
    DateTimeOffset OrderedAt,
    int RankInMonth,
    string? CustomerId,
    IReadOnlyList<string> Flags,
    Guid? PostId = null) : IIntegrationEvent;

/// <summary>
/// An order was kept without attribution. <paramref name="Reason"/>: "no_click_or_code",
/// "unknown_promo_code", "promo_code_inactive", "unknown_click", "bot_click", "click_not_attributable"
/// (the campaign or enrollment had ended), "outside_attribution_window", "order_before_click" (more
/// than 5 minutes before the click), "campaign_ended".
/// </summary>
public sealed record ConversionUnattributed(
    Guid BrandId,
    DateTimeOffset OccurredAt,
    Guid ConversionId,
    string OrderId,
    MoneyAmount Amount,
    DateTimeOffset OrderedAt,
    string Reason,
    string? PromoCode,
    Guid? ClickId,
    IReadOnlyList<string> Flags) : IIntegrationEvent;

/// <summary>
/// A refund of an order was recorded. <paramref name="CumulativeRefunded"/> is the total refunded so
/// far including this refund (never more than <paramref name="OrderAmount"/>); payouts reverses
/// commission as round(commission × cumulative ÷ order amount) − already reversed. The attribution
/// fields are null when the order was unattributed.
/// </summary>
/// <param name="RefundId">The shop's refund id, unique per order; a retried refund publishes nothing new.</param>
/// <param name="RefundedAt">When the shop refunded (the shop's clock).</param>
/// <param name="PostId">The post the order was attributed through, if any: the refund reduces its figures too.</param>
public sealed record ConversionReversed(
    Guid BrandId,
    DateTimeOffset OccurredAt,
    Guid ConversionId,
    string OrderId,
    string RefundId,
    MoneyAmount RefundAmount,
    MoneyAmount CumulativeRefunded,
    MoneyAmount OrderAmount,
    bool FullyRefunded,
    DateTimeOffset RefundedAt,
    Guid? EnrollmentId,
    Guid? CampaignId,
    Guid? CreatorId,
    Guid? PostId = null) : IIntegrationEvent;
