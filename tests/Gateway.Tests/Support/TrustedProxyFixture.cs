namespace Gateway.Tests.Support;

/// <summary>
/// A gateway that trusts loopback as its load balancer (the test client connects from 127.0.0.1), with
/// a small per-IP bucket that refills once a minute so a test can exhaust one client's bucket.
/// </summary>
public sealed class TrustedProxyFixture : GatewayFixture
{
    public const string LoopbackNetwork = "127.0.0.0/8";
    public const int PerClientIp = 4;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Gateway:TrustedProxies:0"] = LoopbackNetwork,
        ["Gateway:RateLimits:PerClientIp:TokenLimit"] = $"{PerClientIp}",
        ["Gateway:RateLimits:PerClientIp:TokensPerPeriod"] = "1",
        ["Gateway:RateLimits:PerClientIp:ReplenishmentPeriod"] = "00:01:00",
    };
}
