namespace AmbassadorNet.Messaging.Registration;

/// <summary>
/// Receive-endpoint settings, chosen per consumer rather than left at MassTransit's defaults (which
/// are tiny on a 2-core machine: 20,000 small messages took over 60 s at the default prefetch and
/// 1.2 s with a prefetch of 200).
/// </summary>
public sealed class EndpointSettings
{
    /// <summary>Messages the broker hands over before they are acknowledged.</summary>
    public int PrefetchCount { get; set; } = 64;

    /// <summary>Messages handled at the same time; each holds a database connection.</summary>
    public int ConcurrentMessageLimit { get; set; } = 8;

    /// <summary>In-memory retry delays before a message goes to the error queue (no delayed-exchange plugin here).</summary>
    public int[] RetryIntervalsMs { get; set; } = [100, 500, 2000];

    /// <summary>
    /// Delays instead of the ones above for a failure that means the database is unreachable
    /// (<see cref="ServiceDefaults.Errors.TransientFailures"/>: a restart, a failover): the message
    /// is kept and tried again for about five minutes in all before it goes to the error queue, where
    /// the operator can replay it.
    /// </summary>
    public int[] TransientRetryIntervalsMs { get; set; } = [1000, 2000, 5000, 10000, 15000, 30000, 30000, 60000, 60000, 60000];

    /// <summary>Money-path queues are quorum queues with a delivery limit that dead-letters to the error queue.</summary>
    public bool Quorum { get; set; }

    /// <summary>Deliveries (crashes included) before a quorum queue dead-letters a message.</summary>
    public int DeliveryLimit { get; set; } = 5;

    /// <summary>
    /// When set, the messages the endpoint hands over at the same time are applied together, in one
    /// transaction (<see cref="Inbox.InboxBatcher{TContext}"/>); each is still acknowledged, retried
    /// or dead-lettered on its own. Null: each message in a transaction of its own.
    /// </summary>
    public BatchSettings? Batch { get; set; }

    /// <summary>Messages in flight on the endpoint: with batches, enough to fill the next batch while one commits.</summary>
    internal int EffectiveConcurrentMessageLimit => Batch is { } batch ? Math.Max(ConcurrentMessageLimit, batch.MessageLimit * batch.Concurrency) : ConcurrentMessageLimit;

    internal int EffectivePrefetchCount => Math.Max(PrefetchCount, EffectiveConcurrentMessageLimit);
}

/// <summary>How a handler's messages are gathered into one transaction.</summary>
/// <param name="MessageLimit">At most this many messages in one transaction.</param>
/// <param name="TimeLimitMs">How long the first message of a batch waits for others (a message alone waits this long).</param>
/// <param name="Concurrency">Batches of the handler applied at the same time, each on its own connection.</param>
public sealed record BatchSettings(int MessageLimit = 32, int TimeLimitMs = 5, int Concurrency = 2);
