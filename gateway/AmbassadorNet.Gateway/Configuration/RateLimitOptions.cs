namespace AmbassadorNet.Gateway.Configuration;

/// <summary>Token buckets: one per API key, and one per client IP for everything without a key (the redirect above all).</summary>
public sealed class RateLimitOptions
{
    public TokenBucketSettings PerKey { get; set; } = new() { TokenLimit = 100, TokensPerPeriod = 50, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    /// <summary>Far more generous than per key: many visitors share one address behind a carrier NAT.</summary>
    public TokenBucketSettings PerClientIp { get; set; } = new() { TokenLimit = 1000, TokensPerPeriod = 500, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };
}

public sealed class TokenBucketSettings
{
    /// <summary>The bucket's size: the burst a caller may send at once.</summary>
    public int TokenLimit { get; set; }

    public int TokensPerPeriod { get; set; }

    public TimeSpan ReplenishmentPeriod { get; set; }
}
