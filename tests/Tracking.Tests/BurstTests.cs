using System.Diagnostics;
using System.Net;
using AmbassadorNet.TestKit.Waiting;
using AmbassadorNet.Tracking.Clicks;
using Microsoft.Extensions.DependencyInjection;

namespace Tracking.Tests;

public sealed class BurstTests(TrackingService service) : IClassFixture<TrackingService>
{
    private const int Clicks = 10_000;

    [Fact]
    public async Task After_a_burst_and_a_graceful_stop_every_click_is_stored_and_published_exactly_once()
    {
        var (brand, campaign, enrollment) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Events.Launched(brand, campaign));
        await service.PublishAsync(Events.Enrolled(brand, campaign, enrollment));
        var code = (await service.CodesOfAsync(brand, enrollment)).Link;
        var replica = await service.StartReplicaAsync();
        var stats = replica.Services.GetRequiredService<RedirectStats>();

        var clock = Stopwatch.StartNew();
        var found = 0;
        await Parallel.ForAsync(0, Clicks, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, ct) =>
        {
            using var response = await replica.Http.GetAsync($"/r/{code}", ct);
            if (response.StatusCode == HttpStatusCode.Found)
            {
                Interlocked.Increment(ref found);
            }
        });
        var burst = clock.Elapsed;
        var pendingAtStop = replica.Services.GetRequiredService<ClickBuffer>().Pending;
        clock.Restart();
        await replica.DisposeAsync(); // graceful: the writer drains before the host is gone
        var drain = clock.Elapsed;

        var rows = await service.ScalarAsync<long>("SELECT count(*) FROM clicks WHERE brand_id = @b", ("b", brand));
        var published = await Eventually.SettledAsync(
            async _ => await service.ScalarAsync<long>(
                "SELECT count(*) FROM outbox_messages o, json_array_elements(o.body->'clicks') c WHERE o.brand_id = @b AND o.dispatched_at IS NOT NULL", ("b", brand)),
            "published clicks", service.Idle);
        var distinct = await service.ScalarAsync<long>(
            "SELECT count(DISTINCT c->>'clickId') FROM outbox_messages o, json_array_elements(o.body->'clicks') c WHERE o.brand_id = @b", ("b", brand));
        var matching = await service.ScalarAsync<long>(
            "SELECT count(*) FROM clicks k JOIN (SELECT (c->>'clickId')::uuid AS id FROM outbox_messages o, json_array_elements(o.body->'clicks') c WHERE o.brand_id = @b) p ON p.id = k.id", ("b", brand));
        // Events large enough for PostgreSQL to compress (a 500-click batch is about 175 KB) use lz4 (messaging migration 0002).
        var (large, lz4) = (await service.ScalarAsync<long>(
                "SELECT count(*) FROM outbox_messages WHERE brand_id = @b AND octet_length(body::text) > 8000", ("b", brand)),
            await service.ScalarAsync<long>(
                "SELECT count(*) FROM outbox_messages WHERE brand_id = @b AND octet_length(body::text) > 8000 AND pg_column_compression(body) = 'lz4'", ("b", brand)));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"burst {Clicks} in {burst.TotalMilliseconds:F0} ms, {stats.Batches} batches, {pendingAtStop} pending at stop, drained in {drain.TotalMilliseconds:F0} ms");

        Assert.Equal((Clicks, (long)Clicks, 0L), (found, stats.Answered, stats.Dropped));
        Assert.Equal(Clicks, rows);
        Assert.Equal(Clicks, published);
        Assert.Equal(Clicks, distinct);
        Assert.Equal(Clicks, matching);
        Assert.True(large > 0, "no click event was large enough to be compressed");
        Assert.Equal(large, lz4);
    }
}
