using System.Net;
using ServiceDefaults.Tests.Http;

namespace ServiceDefaults.Tests.Messaging;

public sealed class OutboxTests(SampleServiceFixture fixture) : IClassFixture<SampleServiceFixture>
{
    private SampleService Service => fixture.Service;

    [Fact]
    public async Task A_committed_change_publishes_its_event_and_the_consumer_applies_it()
    {
        var brand = Guid.CreateVersion7();

        // No propagation by the client: the header set here is then the only trace context the request
        // carries, whichever HttpClient instrumentation of the apps in this test process is listening.
        using var partner = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = Service.Http.BaseAddress };
        var created = await partner.SendAsync(Service.Request(HttpMethod.Post, "/api/products", brand).WithJson(new { name = "Mug", price = 9.99 }));
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var replicas = await Eventually.SettledAsync(_ => Service.QueryAsync(brand, db => db.Replicas.CountAsync(r => r.Id == id)), "the replica", fixture.Idle);
        Assert.Equal(1, replicas);
    }

    [Fact]
    public async Task A_change_that_rolls_back_takes_its_event_with_it()
    {
        var brand = Guid.CreateVersion7();

        var failed = await Service.Http.SendAsync(Service.Request(HttpMethod.Post, "/api/products", brand)
            .WithJson(new { name = "Ghost", price = 1, failAfterWrite = true }));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(0, await Service.QueryAsync(brand, db => db.Products.CountAsync()));
        Assert.Equal(0, await Service.QueryAsync(brand, db => db.Set<AmbassadorNet.Messaging.Outbox.OutboxMessage>().CountAsync(m => m.BrandId == brand)));
    }

    [Fact]
    public async Task The_event_carries_the_trace_of_the_request_across_the_broker()
    {
        var brand = Guid.CreateVersion7();
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToString();

        var created = await Service.Http.SendAsync(Service.Request(HttpMethod.Post, "/api/products", brand)
            .WithJson(new { name = "Traced", price = 3 })
            .WithHeader("traceparent", $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom()}-01"));
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        var outboxTrace = await Service.QueryAsync(brand, db => db.Set<AmbassadorNet.Messaging.Outbox.OutboxMessage>()
            .Where(m => m.BrandId == brand).Select(m => m.TraceParent).SingleAsync());
        Assert.Contains(traceId, outboxTrace);
        var messageId = await Service.QueryAsync(brand, db => db.Set<AmbassadorNet.Messaging.Outbox.OutboxMessage>()
            .Where(m => m.BrandId == brand).Select(m => m.Id).SingleAsync());
        var consumed = await Eventually.UntilAsync(
            _ => Task.FromResult(Service.Observations.Published.FirstOrDefault(p => p.MessageId == messageId)),
            seen => seen.MessageId != Guid.Empty, "the consumer to see the event");
        Assert.Equal(traceId, consumed.TraceId);
        Assert.NotEqual(Guid.Empty, id);
    }
}
