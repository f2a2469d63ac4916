namespace AmbassadorNet.Messaging.Outbox;

/// <summary>An event waiting to be published, or already published and kept as the event log. Its id is the MessageId.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public string MessageType { get; set; } = "";

    public string Body { get; set; } = "";

    public Guid BrandId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The W3C traceparent of the request that caused the event, restored when it is published.</summary>
    public string? TraceParent { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
