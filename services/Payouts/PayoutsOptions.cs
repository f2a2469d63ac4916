using System.ComponentModel.DataAnnotations;
using AmbassadorNet.ServiceDefaults.Configuration;

namespace AmbassadorNet.Payouts;

/// <summary>The payouts service's settings (section "Payouts"); see docs/services/payouts.md.</summary>
[ConfigurationSection("Payouts")]
public sealed class PayoutsOptions
{
    /// <summary>How often the release job looks for pending commission whose holding period is over.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan ReleaseInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Accruals released in one database transaction.</summary>
    [Range(1, 5000)]
    public int ReleaseBatchSize { get; set; } = 500;
}
