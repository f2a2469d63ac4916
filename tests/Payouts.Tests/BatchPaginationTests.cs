using System.Net;

namespace Payouts.Tests;

/// <summary>GET /api/payouts/batches a page at a time: newest first, each batch once, filters kept, bad cursors and limits refused, brands apart.</summary>
public sealed class BatchPaginationTests(PayoutsService service) : LedgerTest(service), IClassFixture<PayoutsService>
{
    private static List<Guid> Ids(IEnumerable<JsonElement> pages) =>
        pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(b => b.GetProperty("id").GetGuid()).ToList();

    /// <summary>Eight batches: a run of five currencies (one creation time, so the id breaks the tie), one of two, one of one.</summary>
    private async Task<(PayoutDesk Desk, Guid FirstRun, List<Guid> Batches)> EightBatchesAsync()
    {
        var desk = new PayoutDesk(Service);
        var payees = new Dictionary<string, Guid>();
        foreach (var currency in new[] { "USD", "EUR", "GBP", "CAD", "AUD" })
        {
            payees[currency] = await desk.PayeeAsync(currency, 10m);
        }

        var first = await desk.RunReadAsync();
        await desk.FeeAsync(payees["USD"], 5m, "USD");
        await desk.FeeAsync(payees["EUR"], 5m, "EUR");
        var second = await desk.RunReadAsync();
        await desk.FeeAsync(payees["USD"], 7m, "USD");
        var third = await desk.RunReadAsync();
        var batches = new[] { first, second, third }.SelectMany(r => r.GetProperty("batches").EnumerateArray()).Select(b => b.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(8, batches.Count);
        return (desk, first.GetProperty("runId").GetGuid(), batches);
    }

    private Task<List<Guid>> NewestFirstInSqlAsync(Guid brand) =>
        Service.IdsAsync("SELECT id FROM payout_batches WHERE brand_id = @b ORDER BY created_at DESC, id DESC", ("b", brand));

    [Fact]
    public async Task Batches_come_newest_first_a_page_at_a_time_each_exactly_once()
    {
        var (desk, firstRun, batches) = await EightBatchesAsync();

        var pages = await Paging.PagesAsync(Service, "/api/payouts/batches?", desk.Brand, 3);
        var whole = await Service.ReadAsync(HttpMethod.Get, "/api/payouts/batches", desk.Brand);
        var ofFirstRun = await Paging.PagesAsync(Service, $"/api/payouts/batches?runId={firstRun}", desk.Brand, 2);

        Assert.Equal([3, 3, 2], pages.Select(p => p.GetProperty("items").GetArrayLength()));
        Assert.All(pages[..^1], p => Assert.NotNull(Paging.NextCursor(p)));
        Assert.Null(Paging.NextCursor(pages[^1]));
        var paged = Ids(pages);
        Assert.Equal(await NewestFirstInSqlAsync(desk.Brand), paged);
        Assert.Equal(batches.Order(), paged.Order());
        Assert.Equal(paged, Ids([whole])); // the default page (50) holds all eight
        Assert.Null(Paging.NextCursor(whole));
        var times = pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(b => b.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal([2, 2, 1], ofFirstRun.Select(p => p.GetProperty("items").GetArrayLength()));
        Assert.All(ofFirstRun.SelectMany(p => p.GetProperty("items").EnumerateArray()), b => Assert.Equal(firstRun, b.GetProperty("runId").GetGuid()));
        Assert.Equal(5, Ids(ofFirstRun).Distinct().Count());
    }

    [Fact]
    public async Task A_bad_limit_or_cursor_is_a_400_naming_it_and_changes_nothing()
    {
        var desk = new PayoutDesk(Service);
        var creator = await desk.PayeeAsync("USD", 10m);
        await desk.FeeAsync(creator, 2m);
        await desk.RunReadAsync();
        var before = await Service.ReadAsync(HttpMethod.Get, "/api/payouts/batches", desk.Brand);
        var statementCursor = Paging.NextCursor(await Service.ReadAsync(HttpMethod.Get, $"/api/ledger/creators/{creator}/statement?limit=1", desk.Brand))!;

        var refusals = await Paging.RefusalsAsync(Service, desk.Brand,
            "/api/payouts/batches?limit=0", "/api/payouts/batches?limit=201", "/api/payouts/batches?limit=ten", "/api/payouts/batches?limit=-1",
            "/api/payouts/batches?cursor=not-a-cursor!", $"/api/payouts/batches?cursor={statementCursor}", "/api/payouts/batches?cursor=bm90IGpzb24",
            "/api/payouts/batches?status=paid&limit=0");

        Assert.Equal(
            [["limit"], ["limit"], ["limit"], ["limit"], ["cursor"], ["cursor"], ["cursor"], ["limit", "status"]],
            refusals.Select(r => r.Fields));
        Assert.All(refusals, r => Assert.Equal(HttpStatusCode.BadRequest, r.Status));
        Assert.Equal(before.GetRawText(), (await Service.ReadAsync(HttpMethod.Get, "/api/payouts/batches", desk.Brand)).GetRawText());
        Assert.Equal(1L, await Service.ScalarAsync<long>("SELECT count(*) FROM payout_batches WHERE brand_id = @b", ("b", desk.Brand)));
    }

    [Fact]
    public async Task Another_brands_cursor_and_ids_reveal_nothing()
    {
        var (desk, _, batches) = await EightBatchesAsync();
        var cursor = Paging.NextCursor(await Service.ReadAsync(HttpMethod.Get, "/api/payouts/batches?limit=1", desk.Brand))!;
        var other = new PayoutDesk(Service);
        var otherEmpty = await Service.ReadAsync(HttpMethod.Get, $"/api/payouts/batches?cursor={Uri.EscapeDataString(cursor)}", other.Brand);
        await other.PayeeAsync("USD", 3m);
        var otherBatch = PayoutDesk.BatchOf(await other.RunReadAsync());

        var withForeignCursor = await Paging.PagesAsync(Service, "/api/payouts/batches?", other.Brand, 2, cursor);
        var own = await Paging.PagesAsync(Service, "/api/payouts/batches?", other.Brand, 2);
        var foreignBatch = await Service.SendAsync(HttpMethod.Get, $"/api/payouts/batches/{batches[0]}", other.Brand);

        Assert.Equal(0, otherEmpty.GetProperty("items").GetArrayLength());
        Assert.Null(Paging.NextCursor(otherEmpty));
        Assert.Empty(Ids(withForeignCursor).Intersect(batches));
        Assert.Equal([otherBatch], Ids(own));
        Assert.Equal(HttpStatusCode.NotFound, foreignBatch.StatusCode);
    }
}
