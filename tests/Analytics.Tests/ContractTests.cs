using AmbassadorNet.Analytics.Persistence;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.TestKit.Services;

namespace Analytics.Tests;

public sealed class ContractTests(AnalyticsService service) : ServiceContractTests<AnalyticsService, AnalyticsDbContext>(service, GatewayServices.Analytics, minimumOperations: 6), IClassFixture<AnalyticsService>
{
    [Fact]
    public async Task The_leaderboard_is_documented() =>
        Assert.Contains(await OperationsAsync(), op => op.Name == "GET /api/analytics/leaderboard");
}
