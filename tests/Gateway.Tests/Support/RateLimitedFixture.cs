namespace Gateway.Tests.Support;

/// <summary>Small buckets that refill once a minute, so a test can exhaust one and see the refusal.</summary>
public sealed class RateLimitedFixture : GatewayFixture
{
    // The fixture's admin key spends one token on each role's key it creates (six), and no test uses it after.
    public const int PerKey = 6;
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
