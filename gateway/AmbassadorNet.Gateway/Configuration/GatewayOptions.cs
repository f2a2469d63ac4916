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

    /// <summary>
    /// The gRPC (HTTP/2 without TLS) address of each service that serves part of the partner gRPC API,
    /// e.g. <c>Gateway:GrpcServices:webhooks = http://127.0.0.1:5201</c>. A service left out answers its
    /// gRPC calls with UNAVAILABLE.
    /// </summary>
    public Dictionary<string, string> GrpcServices { get; set; } = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.0.0.0/8</c>) of the load balancers in front of the gateway. Only from a
    /// peer inside one is X-Forwarded-For believed (walked from the right past these networks); empty,
    /// the default, believes no one and the client is the connection's peer.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>
    /// Larger request bodies are refused with 413 before anything is forwarded, except on the routes
    /// that take a file (their own limit, <see cref="Security.RequestBodyLimits.File"/>).
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = Security.RequestBodyLimits.Json;
}
