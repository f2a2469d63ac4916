using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Tracking.Tests;

public sealed class ConversionIdempotencyTests(TrackingService service) : IClassFixture<TrackingService>
{
    [Fact]
    public async Task A_retried_order_answers_the_original_status_and_body_and_another_body_with_its_id_is_a_409()
    {
        var brand = Guid.CreateVersion7();
        var e = await service.EnrollAsync(brand);
        var order = Shop.Order("R-1", 10.5m, promo: e.Promo, at: DateTimeOffset.UtcNow.AddMinutes(-3));

        using var first = await service.PostOrderAsync(brand, order);
        var firstBody = await first.Content.ReadAsStringAsync();
        using var again = await service.PostOrderAsync(brand, order);
        var againBody = await again.Content.ReadAsStringAsync();
        var changed = new Dictionary<string, object?>(order) { ["amount"] = 11m };
        using var conflict = await service.PostOrderAsync(brand, changed);
        await service.AllDispatchedAsync(brand);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        Assert.Equal(firstBody, againBody);
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(1L, await service.CountAsync("conversions", brand));
        Assert.Single(await service.EventsAsync(brand, "ConversionAttributed"));
    }

    [Fact]
    public async Task Fifty_concurrent_identical_posts_make_one_conversion_and_one_event()
    {
        var brand = Guid.CreateVersion7();
        var e = await service.EnrollAsync(brand);
        var order = Shop.Order("SAME-1", 25m, promo: e.Promo);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var response = await service.PostOrderAsync(brand, order);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        await service.AllDispatchedAsync(brand);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Body).Distinct());
        Assert.Equal(1L, await service.CountAsync("conversions", brand));
        Assert.Single(await service.EventsAsync(brand, "ConversionAttributed"));
        Assert.Equal(1, JsonDocument.Parse(responses[0].Body).RootElement.GetProperty("rankInMonth").GetInt32());
    }

    [Fact]
    public async Task Fifty_concurrent_orders_of_one_enrollment_get_ranks_one_to_fifty_and_a_new_month_starts_again_at_one()
    {
        var brand = Guid.CreateVersion7();
        var e = await service.EnrollAsync(brand);
        var thisMonth = DateTimeOffset.UtcNow;
        var monthStart = new DateTimeOffset(thisMonth.Year, thisMonth.Month, 1, 0, 0, 0, TimeSpan.Zero);

        var ranks = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
            (await service.ConvertAsync(brand, Shop.Order($"M-{i}", 10m + i, promo: e.Promo, at: thisMonth))).GetProperty("rankInMonth").GetInt32()));
        var lastMonth = await service.ConvertAsync(brand, Shop.Order("previous-month", 5m, promo: e.Promo, at: monthStart.AddTicks(-10)));
        var unattributed = await service.ConvertAsync(brand, Shop.Order("no-code", 5m, at: thisMonth));
        await service.AllDispatchedAsync(brand);
        var published = (await service.EventsAsync(brand, "ConversionAttributed")).Select(p => p.GetProperty("rankInMonth").GetInt32()).Order().ToList();

        Assert.Equal(Enumerable.Range(1, 50), ranks.Order());
        Assert.Equal(1, lastMonth.GetProperty("rankInMonth").GetInt32());
        Assert.Equal(JsonValueKind.Null, unattributed.GetProperty("rankInMonth").ValueKind);
        Assert.Equal([1, .. Enumerable.Range(1, 50)], published);
    }

    [Fact]
    public async Task Two_hundred_orders_from_eight_clients_are_all_stored_once_and_the_rate_is_reported()
    {
        const int Orders = 200;
        var brand = Guid.CreateVersion7();
        var e = await service.EnrollAsync(brand);
        var click = await service.ClickAsync(e, DateTimeOffset.UtcNow.AddHours(-1));
        await service.ConvertAsync(brand, Shop.Order("WARM-UP", 30m, clickId: click)); // JIT and EF's first queries stay out of the figure

        // Worst case: every order attributed to one enrollment, so all of them queue on its rank counter.
        var attributed = await PostManyAsync(brand, Orders, i => Shop.Order($"LOAD-{i}", 30m, clickId: i % 2 == 0 ? click : null, promo: i % 2 == 1 ? e.Promo : null));
        // For comparison: orders with neither click nor code (no lookups, no counter).
        var unattributed = await PostManyAsync(brand, Orders, i => Shop.Order($"PLAIN-{i}", 30m));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Orders} conversions by 8 clients, all attributed to one enrollment: {attributed.TotalMilliseconds:F0} ms, {Orders / attributed.TotalSeconds:F0} conversions/s; " +
            $"{Orders} unattributed: {unattributed.TotalMilliseconds:F0} ms, {Orders / unattributed.TotalSeconds:F0} conversions/s");
        await service.AllDispatchedAsync(brand);

        Assert.Equal((2 * Orders) + 1, await service.CountAsync("conversions", brand));
        Assert.Equal(Orders + 1, (await service.EventsAsync(brand, "ConversionAttributed")).Count);
        Assert.Equal(Orders, (await service.EventsAsync(brand, "ConversionUnattributed")).Count);
        Assert.Equal(Orders + 1, await service.ScalarAsync<int>("SELECT max(rank_in_month) FROM conversions WHERE brand_id = @b", ("b", brand)));
    }

    private async Task<TimeSpan> PostManyAsync(Guid brand, int count, Func<int, object> order)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) => await service.ConvertAsync(brand, order(i)));
        return clock.Elapsed;
    }
}
