using System.ComponentModel.DataAnnotations;
using AmbassadorNet.ServiceDefaults.Configuration;
using AmbassadorNet.Webhooks.Security;

namespace AmbassadorNet.Webhooks;

[ConfigurationSection("Webhooks")]
public sealed class WebhookOptions : IValidatableObject
{
    /// <summary>
    /// Standard Webhooks' schedule: after the first attempt, retries 5 s, 5 min, 30 min, 2 h, 5 h, 10 h
    /// and 10 h later, about 28 hours in all, each with jitter.
    /// </summary>
    public static readonly TimeSpan[] DefaultRetrySchedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>
    /// Host and port pairs ("127.0.0.1:5099"; a host name or an IP literal, IPv6 in brackets) that may
    /// be reached over plain http and at private or loopback addresses: for local testing only. Empty
    /// in production. The answers of these receivers are not kept in the attempt log.
    /// </summary>
    public string[] AllowedPrivateEndpoints { get; set; } = [];

    /// <summary>Delays before each retry; unset means <see cref="DefaultRetrySchedule"/>. (An array default would be appended to by the binder, hence nullable.)</summary>
    public TimeSpan[]? RetrySchedule { get; set; }

    /// <summary>Each delay is spread by up to this fraction either way, so failed endpoints are not hit in lockstep.</summary>
    [Range(0.0, 0.9)]
    public double RetryJitter { get; set; } = 0.2;

    /// <summary>The longest Retry-After a receiver can ask for; longer values are capped.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(10);

    /// <summary>A receiver must answer within this time, or the attempt counts as a timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a claimed delivery belongs to one worker; after that (a crash) another worker sends it again.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 500)]
    public int BatchSize { get; set; } = 32;

    /// <summary>A subscription whose deliveries failed for good this many times in a row is disabled.</summary>
    [Range(1, 1000)]
    public int DisableAfterFailedDeliveries { get; set; } = 5;

    /// <summary>After a rotation the previous secret still signs for this long (both signatures are sent).</summary>
    public TimeSpan SecretRotationOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How much of a receiver's answer each attempt's log keeps.</summary>
    [Range(0, 65536)]
    public int ResponseBodyLogLimit { get; set; } = 1024;

    public IReadOnlyList<TimeSpan> EffectiveRetrySchedule => RetrySchedule is { Length: > 0 } schedule ? schedule : DefaultRetrySchedule;

    public bool IsAllowedPrivateEndpoint(string host, int port) =>
        AllowedPrivateEndpoints.Any(allowed => PrivateEndpoint.TryParse(allowed, out var endpoint) && endpoint.Matches(host, port));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        AllowedPrivateEndpoints.Where(entry => !PrivateEndpoint.TryParse(entry, out _)).Select(entry => new ValidationResult(
            $"Webhooks:AllowedPrivateEndpoints: '{entry}' is not host:port (e.g. 127.0.0.1:5099, [::1]:5099).", [nameof(AllowedPrivateEndpoints)]));
}
