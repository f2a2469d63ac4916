using System.ComponentModel.DataAnnotations;
using AmbassadorNet.ServiceDefaults.Configuration;

namespace AmbassadorNet.Gateway.Configuration;

/// <summary>Everything the gateway reads under <c>Gateway:</c>; checked at start by <see cref="GatewayOptionsValidator"/>.</summary>
[ConfigurationSection("Gateway")]
public sealed class GatewayOptions
{
    /// <summary>Base URL of each service, e.g. <c>Gateway:Services:creators = http://127.0.0.1:5101</c>; all six are required.</summary>
    [Required]
    public Dictionary<string, string> Services { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The system operator's key (sent as <c>Authorization: Bearer</c>): creates brands, reaches <c>/ops/{service}/...</c>.</summary>
    [Required]
    [MinLength(32)]
    public string OperatorKey { get; set; } = "";

    public SigningKeyOptions SigningKey { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>
    /// How long an instance may trust what it read about a key. Revocations reach every instance at
    /// once through PostgreSQL NOTIFY; this bounds staleness only while that feed is down.
    /// </summary>
    public TimeSpan KeyCacheTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Larger request bodies are refused with 413 before anything is forwarded.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
