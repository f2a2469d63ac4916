using System.Security.Cryptography;
using AmbassadorNet.Gateway.Http;
using AmbassadorNet.Gateway.Keys;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Security;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Gateway.Configuration;

/// <summary>Refuses to start with settings that would fail per request: a missing service, a bad key, a limit of zero, a trusted proxy that is not a network.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        foreach (var service in GatewayServices.Proxied)
        {
            if (!options.Services.TryGetValue(service, out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                failures.Add($"Gateway:Services:{service} must be the service's absolute http(s) base URL.");
            }
        }

        failures.AddRange(options.Services.Keys.Where(s => !GatewayServices.Proxied.Contains(s)).Select(s => $"Gateway:Services:{s} is not a service of the gateway."));
        foreach (var (service, url) in options.GrpcServices)
        {
            if (!GatewayServices.GrpcPrefixes.ContainsKey(service))
            {
                failures.Add($"Gateway:GrpcServices:{service} serves no part of the partner gRPC API (those that do: {string.Join(", ", GatewayServices.GrpcPrefixes.Keys)}).");
            }
            else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "http")
            {
                failures.Add($"Gateway:GrpcServices:{service} must be the service's absolute http:// gRPC address (HTTP/2 without TLS inside the system).");
            }
        }

        if (options.OperatorKey.StartsWith(ApiKeyFormat.Prefix, StringComparison.Ordinal))
        {
            failures.Add("Gateway:OperatorKey must not look like a brand API key.");
        }

        failures.AddRange(SigningKeyFailures(options.SigningKey));
        failures.AddRange(BucketFailures("PerKey", options.RateLimits.PerKey));
        failures.AddRange(BucketFailures("PerClientIp", options.RateLimits.PerClientIp));
        if (options.KeyCacheTtl <= TimeSpan.Zero || options.KeyCacheTtl > TimeSpan.FromMinutes(5))
        {
            failures.Add("Gateway:KeyCacheTtl must be between 0 and 5 minutes: it bounds how long a revoked key may work if notifications are lost.");
        }

        failures.AddRange(TrustedProxies.Entries(options.TrustedProxies).Where(cidr => !TrustedProxies.TryParseNetwork(cidr, out _)).Select(cidr =>
            $"Gateway:TrustedProxies: '{cidr}' is not a CIDR network such as 10.0.0.0/8 or 2001:db8::/32 (one address is 10.0.0.7/32; no bits may be set after the prefix)."));
        if (options.MaxRequestBodyBytes <= 0)
        {
            failures.Add("Gateway:MaxRequestBodyBytes must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> SigningKeyFailures(SigningKeyOptions key)
    {
        if (string.IsNullOrWhiteSpace(key.KeyId))
        {
            yield return "Gateway:SigningKey:KeyId is required.";
        }

        if (key.TokenLifetime <= TimeSpan.Zero || key.TokenLifetime > InternalToken.MaxLifetime)
        {
            yield return "Gateway:SigningKey:TokenLifetime must be more than 0 and at most 60 seconds.";
        }

        string? problem = null;
        try
        {
            InternalKeys.ImportPrivateKeyPem(key.Pem).Dispose();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or CryptographicException)
        {
            problem = $"Gateway:SigningKey:Pem is not a P-256 private key PEM ({e.Message}).";
        }

        if (problem is not null)
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> BucketFailures(string name, TokenBucketSettings bucket)
    {
        if (bucket.TokenLimit <= 0 || bucket.TokensPerPeriod <= 0 || bucket.ReplenishmentPeriod <= TimeSpan.Zero)
        {
            yield return $"Gateway:RateLimits:{name} needs a positive TokenLimit, TokensPerPeriod and ReplenishmentPeriod.";
        }
    }
}
