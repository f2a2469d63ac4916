namespace Gateway.Tests.Support;

/// <summary>Small buckets that refill once a minute, so a test can exhaust one and see the refusal.</summary>
public sealed class RateLimitedFixture : GatewayFixture
{
    public const int PerKey = 5;
    public const int PerClientIp = 12;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Gateway:RateLimits:PerKey:TokenLimit"] = $"{PerKey}",
        ["Gateway:RateLimits:PerKey:TokensPerPeriod"] = "1",
        ["Gateway:RateLimits:PerKey:ReplenishmentPeriod"] = "00:01:00",
        ["Gateway:RateLimits:PerClientIp:TokenLimit"] = $"{PerClientIp}",
        ["Gateway:RateLimits:PerClientIp:TokensPerPeriod"] = "1",
        ["Gateway:RateLimits:PerClientIp:ReplenishmentPeriod"] = "00:01:00",
    };
}
