using System.ComponentModel.DataAnnotations;
using AmbassadorNet.ServiceDefaults.Configuration;

namespace AmbassadorNet.Audit;

[ConfigurationSection("Audit")]
public sealed class AuditOptions
{
    /// <summary>
    /// How often the head of each brand's chain that moved is anchored (published as AuditChainAnchored and
    /// logged). A rewrite of entries older than the last anchor a verifier kept is always caught; shorter
    /// means less of the chain is ever unanchored.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan AnchorInterval { get; set; } = TimeSpan.FromMinutes(1);
}
