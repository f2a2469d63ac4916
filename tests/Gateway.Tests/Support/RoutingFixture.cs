namespace Gateway.Tests.Support;

/// <summary>
/// The gateway with a per-key limit no test of routing reaches: the routing theory sends one request per
/// row of the route table (over 300) with one key in a few seconds, more than the default bucket
/// (100, refilled at 50 a second) holds. Rate limiting has tests of its own (<see cref="RateLimitedFixture"/>).
/// </summary>
public sealed class RoutingFixture : GatewayFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Gateway:RateLimits:PerKey:TokenLimit"] = "100000",
        ["Gateway:RateLimits:PerKey:TokensPerPeriod"] = "100000",
    };
}
