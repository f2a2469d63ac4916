using AmbassadorNet.Analytics.Persistence;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.TestKit.Services;

namespace Analytics.Tests;

public sealed class ContractTests(AnalyticsService service) : ServiceContractTests<AnalyticsService, AnalyticsDbContext>(service), IClassFixture<AnalyticsService>
{
    protected override string GatewayName => GatewayServices.Analytics;

    protected override int MinimumOperations => 6;

    [Fact]
    public async Task The_leaderboard_is_documented() =>
        Assert.Contains(await OperationsAsync(), op => op.Name == "GET /api/analytics/leaderboard");
}
