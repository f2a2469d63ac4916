namespace AmbassadorNet.Messaging.Parking;

/// <summary>A message that arrived before what it depends on (an enrollment before its campaign's terms).</summary>
public sealed class ParkedMessage
{
    public Guid Id { get; set; }

    public Guid MessageId { get; set; }

    public string Consumer { get; set; } = "";

    public string MessageType { get; set; } = "";

    public string Body { get; set; } = "";

    public Guid BrandId { get; set; }

    /// <summary>A key naming what is missing, such as "campaign:0194...". Releasing the key replays the message.</summary>
    public string Prerequisite { get; set; } = "";

    public string Reason { get; set; } = "";

    public DateTimeOffset ParkedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }
}
