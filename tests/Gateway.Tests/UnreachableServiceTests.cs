using System.Net.Sockets;
using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Security;
using AmbassadorNet.TestKit.Postgres;
using Gateway.Tests.Support;

namespace Gateway.Tests;

public sealed class UnreachableServiceTests
{
    [Fact]
    public async Task A_service_that_cannot_be_reached_is_a_502_problem()
    {
        await using var database = await TestDatabase.CreateAsync("gateway", GatewayDbContext.Migrations);
        using var signingKey = InternalKeys.Generate();
        var nowhere = $"http://127.0.0.1:{ClosedPort()}";
        await using var gateway = await GatewayHost.StartAsync(GatewayHost.Settings(database.ConnectionString, signingKey, GatewayServices.Proxied.ToDictionary(s => s, _ => nowhere)));
        using var operatorClient = gateway.Client(GatewayHost.OperatorKey);

        var response = await operatorClient.GetAsync("/ops/webhooks/messaging/parked");

        var problem = await response.AssertProblemAsync(502);
        Assert.DoesNotContain("127.0.0.1", problem.GetProperty("detail").GetString());
    }

    /// <summary>A loopback port nothing listens on: bound, read and released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
