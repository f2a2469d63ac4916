using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Tracking.Conversions;

/// <summary>A validated order from a shop: the amount is rounded, the time UTC to the microsecond.</summary>
public sealed record OrderPost(string OrderId, Money Amount, DateTimeOffset OrderedAt, Guid? ClickId, string? PromoCode, string? CustomerId);

/// <summary>A validated refund; <see cref="RefundedAt"/> is null when the shop did not say (then: now).</summary>
public sealed record RefundPost(string OrderId, string RefundId, Money Amount, DateTimeOffset? RefundedAt);
