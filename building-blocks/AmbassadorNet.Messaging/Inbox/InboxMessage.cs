namespace AmbassadorNet.Messaging.Inbox;

/// <summary>Proof that a consumer applied a message; written in the same transaction as the effects.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public string Consumer { get; set; } = "";

    public DateTimeOffset ProcessedAt { get; set; }
}
