using System.ComponentModel.DataAnnotations;
using AmbassadorNet.ServiceDefaults.Configuration;

namespace AmbassadorNet.Campaigns.Agreements;

/// <summary>Settings of the agreements' expiry (section "Agreements"); see docs/services/campaigns.md.</summary>
[ConfigurationSection("Agreements")]
public sealed class AgreementOptions
{
    /// <summary>How often the expiry job looks for versions past their acceptance deadline.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Versions expired in one transaction; the job goes on until none is due.</summary>
    [Range(1, 5000)]
    public int ExpiryBatchSize { get; set; } = 500;
}
