using System.Net;
using System.Net.Http.Json;
using AmbassadorNet.Messaging.Outbox;
using AmbassadorNet.Security;
using MassTransit;
using ServiceDefaults.Tests.Http;
using ServiceDefaults.Tests.Sample.Events;

namespace ServiceDefaults.Tests.Messaging;

public sealed class ErrorQueueAndReplayTests(SampleServiceFixture fixture) : IClassFixture<SampleServiceFixture>
{
    private const string PoisonEndpoint = "sample-poison-pill";

    private SampleService Service => fixture.Service;

    [Fact]
    public async Task A_poison_message_ends_in_the_error_queue_the_next_message_flows_and_an_operator_can_republish_it()
    {
        var (brand, product) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var poisonId = NewId.NextGuid();

        await Service.Bus.Publish(new PoisonPill(brand, DateTimeOffset.UtcNow, "bad data"), c => c.MessageId = poisonId, TestContext.Current.CancellationToken);
        await Service.Bus.Publish(new ProductPublished(brand, DateTimeOffset.UtcNow, product, "After poison", 1m), TestContext.Current.CancellationToken);

        Assert.Equal(1, await Eventually.SettledAsync(_ => Service.QueryAsync(brand, db => db.Replicas.CountAsync(r => r.Id == product)), "the next message", fixture.Idle));
        // The poison is still being retried when the next message is done; it reaches the error queue after its last retry.
        await Eventually.UntilAsync(_ => ErrorCountAsync(), count => count == 1, "the poison to reach the error queue");

        var peek = await Service.Http.SendAsync(Operator(HttpMethod.Get, $"/ops/messaging/error-queues/{PoisonEndpoint}/messages"));
        var messages = await peek.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, peek.StatusCode);
        Assert.Equal(1, messages.GetArrayLength());
        Assert.Contains("This message can never be applied", messages[0].GetProperty("reason").GetString());
        Assert.Equal(1u, await ErrorCountAsync()); // peeking leaves it in place

        var republished = await Service.Http.SendAsync(Operator(HttpMethod.Post, $"/ops/messaging/error-queues/{PoisonEndpoint}/republish"));
        Assert.Equal(1, (await republished.JsonAsync()).GetProperty("republished").GetInt32());
        // It fails again, so it returns to the error queue: proof it really went back to the consumer.
        await Eventually.UntilAsync(async _ => await ErrorCountAsync() == 1 && await ConsumedAgainAsync(poisonId), "the poison to fail again");
    }

    [Fact]
    public async Task Republishing_events_since_a_time_sends_them_again_and_the_inbox_ignores_them()
    {
        var brand = Guid.CreateVersion7();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        for (var i = 0; i < 3; i++)
        {
            var created = await Service.Http.SendAsync(Service.Request(HttpMethod.Post, "/api/products", brand).WithJson(new { name = $"Replay {i}", price = i }));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await Eventually.SettledAsync(_ => Service.QueryAsync(brand, db => db.Replicas.CountAsync()), "replicas", fixture.Idle);
        var handledBefore = Service.Observations.Published.Count;

        var response = await Service.Http.SendAsync(Operator(HttpMethod.Post, $"/ops/messaging/events/republish?since={Uri.EscapeDataString(since.ToString("O"))}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("republished").GetInt32() >= 3);
        Assert.Equal(3, await Eventually.SettledAsync(_ => Service.QueryAsync(brand, db => db.Replicas.CountAsync()), "replicas after replay", fixture.Idle));
        Assert.Equal(0, await Service.QueryAsync(brand, db => db.Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null)));
        Assert.Equal(handledBefore, Service.Observations.Published.Count); // the handler never ran again
    }

    [Fact]
    public async Task Operations_need_the_operator_role_and_say_what_is_wrong_with_bad_input()
    {
        var asAdmin = await Service.Http.SendAsync(Service.Request(HttpMethod.Get, "/ops/messaging/parked", Guid.CreateVersion7(), Roles.Admin));
        var noSince = await Service.Http.SendAsync(Operator(HttpMethod.Post, "/ops/messaging/events/republish"));
        var badLimit = await Service.Http.SendAsync(Operator(HttpMethod.Get, "/ops/messaging/parked?limit=0"));
        var parked = await Service.Http.SendAsync(Operator(HttpMethod.Get, "/ops/messaging/parked"));

        Assert.Equal(HttpStatusCode.Forbidden, asAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noSince.StatusCode);
        Assert.True((await noSince.JsonAsync()).GetProperty("errors").TryGetProperty("since", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, parked.StatusCode);
    }

    private HttpRequestMessage Operator(HttpMethod method, string path) => Service.Request(method, path, Guid.Empty, Roles.Operator);

    private async Task<uint> ErrorCountAsync()
    {
        var queues = await Service.Http.SendAsync(Operator(HttpMethod.Get, "/ops/messaging/error-queues"));
        var all = await queues.Content.ReadFromJsonAsync<List<ErrorQueueRow>>();
        return all!.Single(q => q.Endpoint == PoisonEndpoint).Messages;
    }

    private async Task<bool> ConsumedAgainAsync(Guid messageId)
    {
        var peek = await Service.Http.SendAsync(Operator(HttpMethod.Get, $"/ops/messaging/error-queues/{PoisonEndpoint}/messages"));
        var messages = await peek.JsonAsync();
        return messages.GetArrayLength() == 1 && messages[0].GetProperty("messageId").GetString() == messageId.ToString();
    }

    private sealed record ErrorQueueRow(string Endpoint, string Queue, uint Messages);
}
