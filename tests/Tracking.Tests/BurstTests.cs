using System.Diagnostics;
using System.Net;
using AmbassadorNet.TestKit.Waiting;
using AmbassadorNet.Tracking.Clicks;
using Microsoft.Extensions.DependencyInjection;

namespace Tracking.Tests;

public sealed class BurstTests(TrackingService service) : IClassFixture<TrackingService>
{
    private const int Clicks = 10_000;
    private const string IsClicksCounted = "o.message_type LIKE '%.ClicksCounted, %'";

    /// <summary>The counts of the brand's ClicksCounted events, one row each (<c>c</c>) beside its event (<c>o</c>); ends in a WHERE that a query can extend.</summary>
    private const string Counts = $"outbox_messages o, json_array_elements(o.body->'counts') c WHERE o.brand_id = @b AND {IsClicksCounted}";

    [Fact]
    public async Task After_a_burst_and_a_graceful_stop_every_click_is_stored_with_its_batch_and_counted_exactly_once()
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
                $"SELECT coalesce(sum((c->>'clicks')::int), 0) FROM {Counts} AND o.dispatched_at IS NOT NULL", ("b", brand)),
            "published clicks", service.Idle);
        var withoutBatch = await service.ScalarAsync<long>("SELECT count(*) FROM clicks WHERE brand_id = @b AND batch_id IS NULL", ("b", brand));
        var batchesInTwoEvents = await service.ScalarAsync<long>(
            $"SELECT count(*) - count(DISTINCT o.body->>'batchId') FROM outbox_messages o WHERE o.brand_id = @b AND {IsClicksCounted}", ("b", brand));
        // Every event's batch has exactly as many rows as it counted, and every row's batch is an event's.
        var batchesDisagreeing = await service.ScalarAsync<long>($"""
            WITH counted AS (SELECT (o.body->>'batchId')::uuid AS batch_id, sum((c->>'clicks')::int) AS clicks FROM {Counts} GROUP BY 1),
                 stored AS (SELECT batch_id, count(*) AS clicks FROM clicks WHERE brand_id = @b GROUP BY 1)
            SELECT count(*) FROM counted FULL JOIN stored ON stored.batch_id = counted.batch_id WHERE counted.clicks IS DISTINCT FROM stored.clicks
            """, ("b", brand));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"burst {Clicks} in {burst.TotalMilliseconds:F0} ms, {stats.Batches} batches, {pendingAtStop} pending at stop, drained in {drain.TotalMilliseconds:F0} ms");

        Assert.Equal((Clicks, (long)Clicks, 0L), (found, stats.Answered, stats.Dropped));
        Assert.Equal(Clicks, rows);
        Assert.Equal(Clicks, published);
        Assert.Equal(0, withoutBatch);
        Assert.Equal(0, batchesInTwoEvents);
        Assert.Equal(0, batchesDisagreeing);
    }
}
