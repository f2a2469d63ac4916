namespace AmbassadorNet.Webhooks.Domain;

/// <summary>The log of one attempt: what the receiver answered (or what went wrong), how fast, and what followed.</summary>
public sealed class DeliveryAttempt : BrandOwnedEntity
{
    public Guid DeliveryId { get; set; }

    public int Number { get; set; }

    public DateTimeOffset AttemptedAt { get; set; }

    public int? StatusCode { get; set; }

    /// <summary>Network error, timeout or refused destination; null when the receiver answered.</summary>
    public string? Error { get; set; }

    public int LatencyMs { get; set; }

    /// <summary>The start of the receiver's answer, cut at Webhooks:ResponseBodyLogLimit.</summary>
    public string? ResponseBody { get; set; }

    public AttemptOutcome Outcome { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }
}
