using AmbassadorNet.ServiceDefaults.Configuration;

namespace AmbassadorNet.Messaging.Outbox;

[ConfigurationSection("Outbox")]
public sealed class OutboxOptions
{
    /// <summary>How many rows one dispatch claims and publishes concurrently.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often to look for rows when no commit signalled (rows of other replicas, recovery after a crash).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A publish not confirmed by the broker within this time counts as failed and is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait between attempts while the broker is unreachable.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long published rows are kept as the event log; null keeps them (money-path services: <c>KeepEventLog()</c>).</summary>
    public TimeSpan? Retention { get; set; } = TimeSpan.FromDays(30);
}
