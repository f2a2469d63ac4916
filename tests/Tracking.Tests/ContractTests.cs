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

    /// <summary>Messaging migration 0002: event bodies are kept as written (json, not jsonb) and compressed with lz4, not the server's default.</summary>
    [Fact]
    public async Task The_outbox_keeps_event_bodies_as_json_compressed_with_lz4()
    {
        const string Body = "FROM pg_attribute WHERE attrelid = 'outbox_messages'::regclass AND attname = 'body'";

        var type = await Service.ScalarAsync<string>($"SELECT format_type(atttypid, atttypmod) {Body}");
        var compression = await Service.ScalarAsync<string>($"SELECT attcompression::text {Body}");

        Assert.Equal(("json", "l"), (type, compression));
    }
}
