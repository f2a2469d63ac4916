namespace AmbassadorNet.Contracts.Payouts;

// Facts of the commission ledger. Amounts are positive; the event type says the direction.

/// <summary>
/// Commission was booked as pending for an attributed conversion, with the terms in force at the
/// order's time. It becomes available at <paramref name="ReleasableAt"/> (order time + holding period).
/// </summary>
/// <param name="TransactionId">The ledger transaction that booked it.</param>
/// <param name="PlanKind">"percent", "flat" or "tiered"; <paramref name="FromOverride"/> when the enrollment's override applied.</param>
/// <param name="PostId">The post whose promo code or link attributed the order (<c>ConversionAttributed.PostId</c>), so its cost can be counted per post.</param>
public sealed record CommissionAccrued(
    Guid BrandId,
    DateTimeOffset OccurredAt,
    Guid TransactionId,
    Guid ConversionId,
    string OrderId,
    Guid EnrollmentId,
    Guid CampaignId,
    Guid CreatorId,
    MoneyAmount Commission,
    MoneyAmount OrderAmount,
    DateTimeOffset OrderedAt,
    DateTimeOffset ReleasableAt,
    string PlanKind,
    bool FromOverride,
    Guid? PostId = null) : IIntegrationEvent;

/// <summary>Pending commission of one conversion became available for payout.</summary>
public sealed record CommissionReleased(
    Guid BrandId,
    DateTimeOffset OccurredAt,
    Guid TransactionId,
    Guid ConversionId,
    Guid EnrollmentId,
    Guid CampaignId,
    Guid CreatorId,
    MoneyAmount Amount) : IIntegrationEvent;

/// <summary>
/// Commission of one conversion was reversed because of a refund: from pending when not yet released,
/// else clawed back from available (<paramref name="ClawedBack"/>; the balance may go negative).
/// <paramref name="CumulativeReversed"/> is the total reversed for the conversion so far; <paramref name="PostId"/> is
/// the accrual's post, if any.
/// </summary>
public sealed record CommissionReversed(
    Guid BrandId,
    DateTimeOffset OccurredAt,
    Guid TransactionId,
    Guid ConversionId,
    string RefundId,
    Guid EnrollmentId,
    Guid CampaignId,
    Guid CreatorId,
    MoneyAmount Amount,
    MoneyAmount CumulativeReversed,
    bool ClawedBack,
    Guid? PostId = null) : IIntegrationEvent;

/// <summary>
/// A deliverable's fee was booked as available for the creator. <see cref="PostId"/>: the post the
/// deliverable was submitted as, whose cost the fee is (null when it was a bare URL).
/// </summary>
public sealed record DeliverableFeeBooked(
    Guid BrandId,
    DateTimeOffset OccurredAt,
    Guid TransactionId,
    Guid DeliverableId,
    Guid EnrollmentId,
    Guid CampaignId,
    Guid CreatorId,
    MoneyAmount Fee,
    Guid? PostId = null) : IIntegrationEvent;

/// <summary>
/// A manual adjustment was posted after a second, different key approved it. A positive
/// <paramref name="Amount"/> credits the creator's available balance, a negative one debits it.
/// </summary>
public sealed record AdjustmentPosted(
    Guid BrandId,
    DateTimeOffset OccurredAt,
    Guid TransactionId,
    Guid AdjustmentId,
    Guid CreatorId,
    decimal Amount,
    string Currency,
    string Reason,
    Guid RequestedByKeyId,
    Guid ApprovedByKeyId,
    Guid? RequestedByMemberId = null,
    Guid? ApprovedByMemberId = null) : IIntegrationEvent;
