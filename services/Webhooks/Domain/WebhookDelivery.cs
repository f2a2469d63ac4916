namespace AmbassadorNet.Webhooks.Domain;

/// <summary>
/// One event on its way to one subscription. The payload is fixed when the delivery is created, so
/// every retry and replay signs the same bytes under the same <see cref="WebhookId"/>; the schedule
/// lives here (<see cref="NextAttemptAt"/>), not in memory or in the broker.
/// </summary>
public sealed class WebhookDelivery : BrandOwnedEntity
{
    public Guid SubscriptionId { get; set; }

    /// <summary>The message id of the source event: the receiver's idempotency key, the same for every attempt.</summary>
    public string WebhookId { get; set; } = "";

    public Guid EventId { get; set; }

    public string EventType { get; set; } = "";

    /// <summary>
    /// The body sent. Fixed when the delivery is created, except that erasing the event's creator scrubs
    /// their personal data from it (<see cref="EventLog.PersonalData"/>): later attempts send that.
    /// </summary>
    public string Payload { get; set; } = "";

    /// <summary>The creator the event is about, when it may carry their personal data; null otherwise.</summary>
    public Guid? CreatorId { get; set; }

    public DeliveryStatus Status { get; set; }

    /// <summary>Every attempt ever made, replays included: numbers the attempt log.</summary>
    public int Attempts { get; set; }

    /// <summary>Attempts since the delivery was created or last replayed: the position in the retry schedule.</summary>
    public int AttemptsInRun { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Set while a worker holds the delivery; the worker's writes require it unchanged.</summary>
    public Guid? LeaseId { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public int? LastStatusCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public void Finish(DeliveryStatus status, DateTimeOffset now)
    {
        Status = status;
        NextAttemptAt = null;
        CompletedAt = now;
    }

    /// <summary>Sends the same message again (same webhook-id, new timestamp) with a fresh retry schedule.</summary>
    public void Replay(DateTimeOffset now)
    {
        Status = DeliveryStatus.Pending;
        AttemptsInRun = 0;
        NextAttemptAt = now;
        CompletedAt = null;
    }
}
