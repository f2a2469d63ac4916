using System.Net;
using System.Net.Http.Json;
using AmbassadorNet.Gateway.Api;
using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Security;
using AmbassadorNet.TestKit;
using AmbassadorNet.TestKit.Network;
using AmbassadorNet.TestKit.Postgres;
using AmbassadorNet.TestKit.Rabbit;
using AmbassadorNet.TestKit.Waiting;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>
/// The public door does not close with the broker: while RabbitMQ is unreachable the gateway is ready and
/// serves its own API, and the audit records of the changes wait in its outbox until the broker is back.
/// </summary>
public sealed class BrokerOutageTests
{
    [Fact]
    public async Task While_the_broker_is_away_the_gateway_is_ready_and_its_audit_records_wait_in_the_outbox()
    {
        await using var database = await TestDatabase.CreateAsync("gateway", GatewayDbContext.Migrations);
        await using var vhost = await TestVhost.CreateAsync("gateway-outage");
        await using var broker = TcpProxy.Start(TestServers.RabbitHost, TestServers.RabbitPort);
        broker.SetMode(ProxyMode.Refuse);
        using var signingKey = InternalKeys.Generate();
        var settings = GatewayHost.Settings(database, vhost, signingKey, GatewayServices.Proxied.ToDictionary(s => s, _ => "http://127.0.0.1:9"));
        settings["RabbitMq:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var gateway = await GatewayHost.StartAsync(settings);
        using var operatorClient = gateway.Client(GatewayHost.OperatorKey);

        var ready = await gateway.Client().GetAsync("/health/ready");
        var created = await operatorClient.PostAsJsonAsync("/api/brands", new CreateBrandRequest("Outage brand"));
        var brand = (await created.Content.ReadFromJsonAsync<BrandCreated>())!.Brand.Id;
        var recorded = await OutboxEvents.OfTypeAsync(database.ConnectionString, brand, "AuditRecorded");
        var pendingWhileAway = await PendingAsync(database, brand);
        broker.SetMode(ProxyMode.Forward);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Single(recorded);
        Assert.Equal(1, pendingWhileAway);
        await Eventually.UntilAsync(async _ => await PendingAsync(database, brand) == 0, "the record to reach the broker once it is back", TimeSpan.FromSeconds(60));
    }

    private static async Task<long> PendingAsync(TestDatabase database, Guid brand)
    {
        await using var connection = database.OpenConnection();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE brand_id = @b AND dispatched_at IS NULL", connection);
        command.Parameters.AddWithValue("b", brand);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
