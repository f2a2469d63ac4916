using System.ComponentModel.DataAnnotations;
using AmbassadorNet.ServiceDefaults.Configuration;

namespace AmbassadorNet.Webhooks.EventLog;

/// <summary>The brands' event logs and the partner event stream that reads them.</summary>
[ConfigurationSection("Webhooks:EventLog")]
public sealed class EventLogOptions : IValidatableObject
{
    /// <summary>How long an event stays in its brand's log; a stream asked to resume from an older position is refused.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often events past the retention are deleted.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A stream looks for new events at least this often even without a notification (one lost while
    /// the listening connection reconnects, say); notifications wake it at once otherwise.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events read per query by a stream that is catching up.</summary>
    [Range(1, 5000)]
    public int PageSize { get; set; } = 500;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Retention < TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("Webhooks:EventLog:Retention must be at least a minute.", [nameof(Retention)]);
        }

        if (SweepInterval <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Webhooks:EventLog:SweepInterval and PollInterval must be positive.", [nameof(SweepInterval), nameof(PollInterval)]);
        }
    }
}
