namespace AmbassadorNet.Webhooks.Delivery;

/// <summary>A delivery a worker holds under <see cref="LeaseId"/>, with what it needs to send it.</summary>
public sealed record ClaimedDelivery(WebhookDelivery Delivery, Guid LeaseId, WebhookSubscription? Subscription);

/// <summary>What one attempt observed: a status (with Retry-After and the start of the body) or an error.</summary>
public sealed record AttemptResult(DateTimeOffset AttemptedAt, int? StatusCode, string? Error, bool DestinationRefused, TimeSpan Latency, string? ResponseBody, TimeSpan? RetryAfter);
