using System.Text.Json;
using AmbassadorNet.Partner.V1;
using static PartnerApi.Tests.StreamReading;

namespace PartnerApi.Tests;

/// <summary>A client generated from the .proto files alone, outside our solution (Node.js, @grpc/grpc-js), through the gateway.</summary>
[Collection(PartnerSystemCollection.Name)]
public sealed class NodeClientTests(PartnerSystemFixture fixture)
{
    [Fact]
    public async Task The_node_client_subscribes_from_oldest_resumes_after_its_last_position_and_is_refused_without_the_role()
    {
        var creator = await fixture.BrandB.NewCreatorAsync(NewHandle("node"));
        List<Event> log;
        using (var call = fixture.Subscribe(fixture.BrandBEvents, new SubscribeRequest { Oldest = new() }))
        {
            log = await call.ReadUntilAsync(read => read.Any(e => e.IsAbout(creator)));
        }

        var node = new NodeClient(fixture.System.GrpcGateway, fixture.BrandBEvents.ApiKey);
        var (_, replayed) = await node.RunAsync("", "subscribe", "--oldest", "--count", log.Count.ToString(), "--timeout", "60");

        Assert.Equal(log.Select(e => e.Id), replayed.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal(log.Select(e => e.Position.ToString()), replayed.Select(l => l.GetProperty("position").GetString()));

        var next = await fixture.BrandB.NewCreatorAsync(NewHandle("node"));
        var (_, resumed) = await node.RunAsync("", "subscribe", "--after", log[^1].Position.ToString(), "--types", "creator.applied", "--count", "1", "--timeout", "60");
        var line = Assert.Single(resumed);
        Assert.True(ulong.Parse(line.GetProperty("position").GetString()!) > log[^1].Position);
        Assert.Equal(next, line.GetProperty("data").GetProperty("creatorId").GetGuid());

        var refused = new NodeClient(fixture.System.GrpcGateway, fixture.BrandAPartner.ApiKey);
        var (exit, error) = await refused.RunAsync("", "subscribe", "--oldest", "--count", "1", "--timeout", "60");
        Assert.Equal(2, exit);
        Assert.Equal("PERMISSION_DENIED", Assert.Single(error).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("forbidden", error[0].GetProperty("error").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_node_client_posts_orders_and_refunds_on_one_stream()
    {
        var orderId = NewHandle("node-order");
        var order = new
        {
            orderId, amount = new { amount = "42.50", currency = "USD" }, promoCode = fixture.BrandAEnrollment.PromoCode,
            orderedAt = new { seconds = DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds().ToString(), nanos = 0 },
        };
        var messages = JsonSerializer.Serialize(new object[]
        {
            new { order },
            new { order },
            new { refund = new { orderId, refundId = "r1", amount = new { amount = "2.50", currency = "USD" } } },
            new { order = new { orderId = NewHandle("node-bad"), amount = new { amount = "abc", currency = "USD" } } },
        });
        var node = new NodeClient(fixture.System.GrpcGateway, fixture.BrandAPartner.ApiKey);

        var (exit, results) = await node.RunAsync(messages, "post-orders");

        Assert.Equal(0, exit);
        Assert.Equal(4, results.Count);
        var answers = results.Where(r => r.GetProperty("orderId").GetString() == orderId && r.GetProperty("refundId").GetString() == "").ToList();
        Assert.Equal("conversion", answers[0].GetProperty("outcome").GetString());
        Assert.Equal("attributed", answers[0].GetProperty("conversion").GetProperty("status").GetString());
        Assert.True(answers[1].GetProperty("replayed").GetBoolean());
        var refund = results.Single(r => r.GetProperty("refundId").GetString() == "r1");
        Assert.Equal("2.50", refund.GetProperty("refund").GetProperty("cumulativeRefunded").GetProperty("amount").GetString());
        var bad = results.Single(r => r.GetProperty("outcome").GetString() == "error");
        Assert.Equal((int)Grpc.Core.StatusCode.InvalidArgument, bad.GetProperty("error").GetProperty("code").GetInt32());
    }
}
