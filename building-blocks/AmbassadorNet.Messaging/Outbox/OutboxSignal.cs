namespace AmbassadorNet.Messaging.Outbox;

/// <summary>
/// Wakes the dispatcher as soon as a transaction with new events commits, so publishing takes
/// milliseconds rather than a polling interval. The poll remains for rows written by other replicas.
/// </summary>
public sealed class OutboxSignal : Pulse;
