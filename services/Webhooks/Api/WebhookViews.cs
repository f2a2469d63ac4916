namespace AmbassadorNet.Webhooks.Api;

/// <param name="EventTypes">Event type names, or ["*"] for every type (also ones added later).</param>
public sealed record CreateSubscriptionRequest(string? Url, IReadOnlyList<string>? EventTypes, string? Description);

/// <param name="Secret">Only in the answers to creation and rotation: it is never shown again, not even to a replay of the same request.</param>
/// <param name="SecretNotice">Only in a replay (Idempotent-Replayed) of a creation or rotation: says why <paramref name="Secret"/> is missing.</param>
public sealed record SubscriptionView(
    Guid Id, string Url, string? Description, IReadOnlyList<string> EventTypes, SubscriptionStatus Status,
    string? DisabledReason, DateTimeOffset? DisabledAt, int ConsecutiveFailedDeliveries,
    DateTimeOffset? PreviousSecretExpiresAt, DateTimeOffset CreatedAt, string? Secret, string? SecretNotice = null)
{
    public static SubscriptionView From(WebhookSubscription s, string? secret = null) => new(
        s.Id, s.Url, s.Description, s.EventTypes, s.Status, s.DisabledReason, s.DisabledAt, s.ConsecutiveFailures,
        s.PreviousSecretExpiresAt, s.CreatedAt, secret);

    /// <summary>What a replay of the answer that showed <paramref name="secret"/> says instead.</summary>
    public SubscriptionView WithoutSecret() => this with
    {
        Secret = null,
        SecretNotice = $"The secret was shown once, in the first answer to this request, and is kept nowhere readable; if it was lost, rotate it (POST /api/webhooks/{Id}/rotate-secret).",
    };
}

public sealed record AttemptView(int Number, DateTimeOffset AttemptedAt, int? StatusCode, string? Error, int LatencyMs, string? ResponseBody, AttemptOutcome Outcome, DateTimeOffset? NextAttemptAt)
{
    public static AttemptView From(DeliveryAttempt a) => new(a.Number, a.AttemptedAt, a.StatusCode, a.Error, a.LatencyMs, a.ResponseBody, a.Outcome, a.NextAttemptAt);
}

public sealed record DeliveryView(
    Guid Id, string WebhookId, Guid EventId, string EventType, DeliveryStatus Status, int Attempts, int? LastStatusCode,
    DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, IReadOnlyList<AttemptView> AttemptLog)
{
    public static DeliveryView From(WebhookDelivery d, IEnumerable<DeliveryAttempt> attempts) => new(
        d.Id, d.WebhookId, d.EventId, d.EventType, d.Status, d.Attempts, d.LastStatusCode, d.NextAttemptAt, d.CreatedAt, d.CompletedAt,
        attempts.OrderBy(a => a.Number).Select(AttemptView.From).ToList());
}
