using AmbassadorNet.ServiceDefaults.Configuration;

namespace AmbassadorNet.ServiceDefaults.Idempotency;

[ConfigurationSection("Idempotency")]
public sealed class IdempotencyOptions
{
    /// <summary>
    /// How long a key replays its first response. A client retries within minutes; a day covers a
    /// retry after an outage while keeping stored answers, which may be sensitive, from piling up.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often keys past <see cref="Retention"/> are deleted.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(10);
}
