using System.ComponentModel.DataAnnotations;
using AmbassadorNet.ServiceDefaults.Configuration;

namespace AmbassadorNet.Campaigns.UsageRights;

/// <summary>Settings of the usage-rights expiry notices (section "UsageRights"); see docs/services/campaigns.md.</summary>
[ConfigurationSection("UsageRights")]
public sealed class UsageRightsOptions
{
    /// <summary>How often the notice job looks for rights reaching a threshold or their end.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan NoticeInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Notices sent in one transaction; the job goes on until none is due.</summary>
    [Range(1, 5000)]
    public int NoticeBatchSize { get; set; } = 500;
}
