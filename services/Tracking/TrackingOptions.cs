using System.ComponentModel.DataAnnotations;
using AmbassadorNet.ServiceDefaults.Configuration;

namespace AmbassadorNet.Tracking;

/// <summary>The tracking service's settings (section "Tracking"); see docs/services/tracking.md for the durability they set.</summary>
[ConfigurationSection("Tracking")]
public sealed class TrackingOptions
{
    /// <summary>Secret key of the HMAC that hashes client IPs: without it the hashes cannot be reversed by trying every address.</summary>
    [Required]
    [MinLength(32)]
    public string IpHashKey { get; set; } = "";

    /// <summary>Networks (CIDR) of the gateway; X-Forwarded-For is believed only from them.</summary>
    public List<string> TrustedProxyNetworks { get; set; } = [];

    /// <summary>The public base of redirect links, e.g. https://go.example.com (the gateway's address).</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://localhost:8080";

    /// <summary>Same visitor, same link within this window: a duplicate click.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Clicks waiting in memory for the writer. When full, redirects still answer but the click is counted as dropped.</summary>
    [Range(1000, 10_000_000)]
    public int ClickBufferCapacity { get; set; } = 100_000;

    /// <summary>
    /// Most clicks in one insert transaction (and one ClicksCounted event per brand in it). Below about
    /// 100,000 clicks/s the flush interval closes a batch first; what this bounds is how many events
    /// (each a transaction in analytics and webhooks) a burst makes (decision 0033).
    /// </summary>
    [Range(1, 50_000)]
    public int ClickBatchSize { get; set; } = 5000;

    /// <summary>
    /// Longest a click waits in memory before its batch is written: the time bound of what kill -9 can
    /// lose, and most of a click's way to analytics below ~10,000 clicks/s (decision 0012).
    /// </summary>
    public TimeSpan ClickFlushInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Raw clicks older than this are deleted; unset keeps them forever.</summary>
    public TimeSpan? ClickRetention { get; set; } = TimeSpan.FromDays(90);

    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
