namespace AmbassadorNet.Messaging.Inbox;

/// <summary>What a handler may want to know about the delivery besides the message itself.</summary>
public sealed record InboundMessage(Guid MessageId, string Consumer, bool IsReplayFromParking);
