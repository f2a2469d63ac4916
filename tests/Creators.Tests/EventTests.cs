using System.Text.Json;
using AmbassadorNet.TestKit.Waiting;
using RabbitMQ.Client;

namespace Creators.Tests;

public sealed class EventTests(CreatorsService service) : IClassFixture<CreatorsService>
{
    [Fact]
    public async Task Every_change_publishes_exactly_one_event_with_the_next_version()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.ApplyAsync(brand, Applicants.Creator(30));
        await service.ReadAsync(HttpMethod.Patch, $"/api/creators/{id}", brand, new { displayName = "Renamed" });
        await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/approve", brand);
        await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/social-stats", brand, Applicants.Stats("instagram", "creator_30", 20_000, 500, 50));
        await service.ReadAsync(HttpMethod.Put, $"/api/creators/{id}/payout-profile", brand, new { method = "paypal", currency = "USD", payeeReference = "pp-ref-001" });
        await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/suspend", brand);
        await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/reinstate", brand);
        await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/offboard", brand);
        await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/erase", brand);
        await service.SendAsync(HttpMethod.Post, $"/api/creators/{id}/approve", brand); // refused: no event

        var events = await service.EventsAsync(brand);

        Assert.Equal(
            ["CreatorApplied", "CreatorProfileUpdated", "CreatorApproved", "CreatorStatsRecorded", "CreatorPayoutProfileUpdated",
             "CreatorSuspended", "CreatorReinstated", "CreatorOffboarded", "CreatorErased"],
            events.Select(e => e.MessageType.Split(',')[0].Split('.')[^1]));
        Assert.Equal(Enumerable.Range(1, 9).Select(v => (long)v), events.Select(e => JsonDocument.Parse(e.Body).RootElement.GetProperty("version").GetInt64()));
        Assert.All(events, e => Assert.Equal(id, JsonDocument.Parse(e.Body).RootElement.GetProperty("creatorId").GetGuid()));
    }

    [Fact]
    public async Task Events_reach_the_broker_with_the_full_state()
    {
        var factory = new ConnectionFactory { Uri = service.Vhost.AmqpUri() };
        await using var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        const string exchange = "AmbassadorNet.Contracts.Creators:CreatorApproved";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, cancellationToken: TestContext.Current.CancellationToken);
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: TestContext.Current.CancellationToken)).QueueName;
        await channel.QueueBindAsync(queue, exchange, "", cancellationToken: TestContext.Current.CancellationToken);
        var brand = Guid.CreateVersion7();
        var id = await service.ApplyAsync(brand, Applicants.Creator(31, followers: 45_000));

        await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/approve", brand);
        // Other tests approve creators on the same service at the same time: skip their events.
        var message = await Eventually.UntilAsync(async ct => await channel.BasicGetAsync(queue, autoAck: true, ct) is { } delivered
                ? JsonDocument.Parse(delivered.Body.ToArray()).RootElement.GetProperty("message")
                : (JsonElement?)null,
            m => m?.GetProperty("creatorId").GetGuid() == id, "this creator's CreatorApproved on the broker", interval: TimeSpan.FromMilliseconds(20)) ?? default;

        Assert.Equal(brand, message.GetProperty("brandId").GetGuid());
        Assert.Equal("approved", message.GetProperty("creator").GetProperty("status").GetString());
        Assert.Equal("micro", message.GetProperty("creator").GetProperty("tier").GetString());
        Assert.Equal(2, message.GetProperty("version").GetInt64());
    }
}
