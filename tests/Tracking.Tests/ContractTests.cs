using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Gateway.Routing.Testing;
using AmbassadorNet.TestKit.Services;
using AmbassadorNet.Tracking.Persistence;

namespace Tracking.Tests;

public sealed class ContractTests(TrackingService service) : ServiceContractTests<TrackingService, TrackingDbContext>(service, GatewayServices.Tracking, minimumOperations: 9), IClassFixture<TrackingService>
{
    [Fact]
    public void The_refund_route_is_among_those_compared_with_the_gateway() =>
        Assert.Contains(RouteAgreement.Check(GatewayName, Service.Services).Compared, row => row.Contains("/api/conversions/{orderId}/refunds", StringComparison.Ordinal));
}
