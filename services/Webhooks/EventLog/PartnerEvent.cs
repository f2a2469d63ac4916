namespace AmbassadorNet.Webhooks.EventLog;

/// <summary>One event of a brand's log, at its position: what the partner event stream sends.</summary>
public sealed class PartnerEvent : IBrandOwned
{
    public Guid BrandId { get; set; }

    /// <summary>1, 2, 3, ... per brand, in the order the log recorded the events.</summary>
    public long Position { get; set; }

    /// <summary>The message id on the broker, also the webhook's id (<c>msg_{id:N}</c>).</summary>
    public Guid EventId { get; set; }

    public string EventType { get; set; } = "";

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public Guid? CreatorId { get; set; }

    /// <summary>The event as a webhook's <c>data</c> carries it.</summary>
    public string Data { get; set; } = "";

    /// <summary>The creator was erased and their personal data removed from <see cref="Data"/>.</summary>
    public bool Redacted { get; set; }
}

/// <summary>A brand's newest position, and the newest one retention removed (0 before any was).</summary>
public sealed class PartnerEventHead : IBrandOwned
{
    public Guid BrandId { get; set; }

    public long LastPosition { get; set; }

    public long ExpiredThrough { get; set; }
}

/// <summary>A creator erased on request: the log scrubs their events, including any that arrive later.</summary>
public sealed class PartnerEventErasure : IBrandOwned
{
    public Guid BrandId { get; set; }

    public Guid CreatorId { get; set; }

    public DateTimeOffset ErasedAt { get; set; }
}
