using System.Net;

namespace Payouts.Tests;

/// <summary>
/// A creator's statement a page at a time: the pages put together are the whole statement, in the
/// same order, and each page's balances brought and carried forward are right to the cent.
/// </summary>
public sealed class StatementPaginationTests(PayoutsService service) : LedgerTest(service), IClassFixture<PayoutsService>
{
    private sealed record Owed(decimal Pending, decimal Available, decimal InPayout, decimal Total)
    {
        public static Owed Of(JsonElement balances) => new(
            balances.GetProperty("pending").GetDecimal(), balances.GetProperty("available").GetDecimal(),
            balances.GetProperty("inPayout").GetDecimal(), balances.GetProperty("total").GetDecimal());

        /// <summary>These balances moved by the statement's entries (amounts as owed, by account).</summary>
        public Owed Plus(IEnumerable<JsonElement> entries)
        {
            var list = entries.ToList();
            decimal Sum(string account) => list.Where(e => e.GetProperty("account").GetString() == account).Sum(e => e.GetProperty("amount").GetDecimal());
            var (pending, available, inPayout) = (Pending + Sum("creator_pending"), Available + Sum("creator_available"), InPayout + Sum("creator_in_payout"));
            return new Owed(pending, available, inPayout, pending + available + inPayout);
        }
    }

    private static List<JsonElement> Entries(JsonElement page) => page.GetProperty("entries").EnumerateArray().ToList();

    /// <summary>
    /// Six commissions released (two entries per transaction, several transactions in one release),
    /// a clawback, three fees and a payout run (two entries in one transaction): 24 entries.
    /// </summary>
    private async Task<Scenario> BusyCreatorAsync()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var orderedAt = DateTimeOffset.UtcNow.AddDays(-40);
        var accruals = new List<CommissionAccrual>();
        foreach (var amount in new[] { 123.45m, 80.05m, 19.99m, 250m, 33.33m, 77.77m })
        {
            accruals.Add(await scenario.AttributeAsync(amount, orderedAt));
        }

        await scenario.ReleaseAsync();
        await scenario.RefundAsync(accruals[0], "refund-1", 50m, 50m);
        foreach (var fee in new[] { 15.5m, 20m, 0.01m })
        {
            var deliverable = Guid.CreateVersion7();
            await Service.PublishAsync(Events.Approved(scenario.Brand, deliverable, scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId, fee));
            await Eventually.UntilAsync(
                async _ => await Service.QueryAsync(scenario.Brand, db => db.Transactions.AnyAsync(t => t.CauseId == deliverable)), $"fee of {deliverable} booked");
        }

        await Service.PublishAsync(Events.PayoutProfile(scenario.Brand, scenario.CreatorId, 1));
        await Eventually.UntilAsync(
            async _ => await Service.QueryAsync(scenario.Brand, db => db.PayoutProfiles.AnyAsync(p => p.CreatorId == scenario.CreatorId)), "payout profile");
        await Service.ReadAsync(HttpMethod.Post, "/api/payouts/runs", scenario.Brand, new { periodEnd = DateTimeOffset.UtcNow });
        return scenario;
    }

    /// <summary>The pages together are the whole; each page brings forward exactly the sum of everything before it.</summary>
    private static void AssertPagesMakeTheWhole(JsonElement whole, List<JsonElement> pages, int limit)
    {
        var all = Entries(whole);
        Assert.Equal(all.Select(e => e.GetRawText()), pages.SelectMany(Entries).Select(e => e.GetRawText()));
        Assert.Equal((all.Count + limit - 1) / limit, pages.Count);
        Assert.All(pages[..^1], p => Assert.Equal(limit, Entries(p).Count));
        Assert.All(pages[..^1], p => Assert.NotNull(Paging.NextCursor(p)));
        Assert.Null(Paging.NextCursor(pages[^1]));

        var opening = Owed.Of(whole.GetProperty("opening"));
        for (var k = 0; k < pages.Count; k++)
        {
            var page = pages[k];
            var broughtForward = Owed.Of(page.GetProperty("broughtForward"));
            Assert.Equal(opening.Plus(all.Take(k * limit)), broughtForward);
            Assert.Equal(broughtForward.Plus(Entries(page)), Owed.Of(page.GetProperty("carriedForward")));
            Assert.Equal(whole.GetProperty("opening").GetRawText(), page.GetProperty("opening").GetRawText());
            Assert.Equal(whole.GetProperty("closing").GetRawText(), page.GetProperty("closing").GetRawText());
        }

        Assert.Equal(opening, Owed.Of(pages[0].GetProperty("broughtForward")));
        Assert.Equal(Owed.Of(whole.GetProperty("closing")), Owed.Of(pages[^1].GetProperty("carriedForward")));
        Assert.Equal(opening.Plus(all), Owed.Of(whole.GetProperty("closing")));
    }

    [Fact]
    public async Task A_long_statement_read_page_by_page_is_the_whole_statement_with_balances_right_on_every_page()
    {
        var scenario = await BusyCreatorAsync();
        var path = $"/api/ledger/creators/{scenario.CreatorId}/statement?currency=USD";

        var whole = await Service.ReadAsync(HttpMethod.Get, $"{path}&limit=200", scenario.Brand);
        var byFive = await Paging.PagesAsync(Service, path, scenario.Brand, 5);
        var byOne = await Paging.PagesAsync(Service, path, scenario.Brand, 1);
        var byDefault = await Service.ReadAsync(HttpMethod.Get, path, scenario.Brand);

        Assert.Equal(await Paging.StatementOrderInSqlAsync(Service, scenario.CreatorId), Entries(whole).Select(e => e.GetProperty("entryId").GetGuid()));
        Assert.Equal(24, Entries(whole).Count);
        Assert.Null(Paging.NextCursor(whole));
        Assert.Equal(whole.GetRawText(), byDefault.GetRawText()); // 24 entries fit the default page of 50
        AssertPagesMakeTheWhole(whole, byFive, 5);
        AssertPagesMakeTheWhole(whole, byOne, 1);
        // 6 × commission − 5.00 clawed back + 35.51 of fees, all now in payout (the run paid the whole available balance).
        Assert.Equal(new Owed(0m, 0m, 88.98m, 88.98m), Owed.Of(whole.GetProperty("closing")));
    }

    [Fact]
    public async Task A_period_read_page_by_page_opens_with_the_balance_before_it_and_each_page_brings_forward_the_one_before()
    {
        var scenario = await BusyCreatorAsync();
        var from = await Service.ScalarAsync<DateTime>(
            "SELECT posted_at FROM journal_transactions WHERE brand_id = @b AND cause_type = @t", ("b", scenario.Brand), ("t", CauseTypes.Reversal));
        var to = await Service.ScalarAsync<DateTime>(
            "SELECT posted_at FROM journal_transactions WHERE brand_id = @b AND cause_type = @t", ("b", scenario.Brand), ("t", CauseTypes.PayoutBatched));
        var path = $"/api/ledger/creators/{scenario.CreatorId}/statement?currency=USD&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";

        var whole = await Service.ReadAsync(HttpMethod.Get, $"{path}&limit=200", scenario.Brand);
        var pages = await Paging.PagesAsync(Service, path, scenario.Brand, 3);

        // The clawback and three fees; the commissions before `from` open it, the run at `to` is outside.
        Assert.Equal(
            [CauseTypes.Reversal, CauseTypes.DeliverableFee, CauseTypes.DeliverableFee, CauseTypes.DeliverableFee],
            Entries(whole).Select(e => e.GetProperty("causeType").GetString()));
        Assert.Equal(new Owed(0m, 58.47m, 0m, 58.47m), Owed.Of(whole.GetProperty("opening")));
        Assert.Equal(new Owed(0m, 88.98m, 0m, 88.98m), Owed.Of(whole.GetProperty("closing")));
        AssertPagesMakeTheWhole(whole, pages, 3);
    }

    [Fact]
    public async Task A_bad_limit_or_cursor_is_a_400_naming_it_and_changes_nothing()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        await scenario.AttributeAsync(100m, DateTimeOffset.UtcNow.AddHours(-1));
        await scenario.AttributeAsync(50m, DateTimeOffset.UtcNow.AddHours(-1));
        var path = $"/api/ledger/creators/{scenario.CreatorId}/statement";
        var before = await Service.ReadAsync(HttpMethod.Get, path, scenario.Brand);

        var refusals = await Paging.RefusalsAsync(Service, scenario.Brand,
            $"{path}?limit=0", $"{path}?limit=201", $"{path}?limit=ten", $"{path}?limit=1.5",
            $"{path}?cursor=not-a-cursor!", $"{path}?cursor={Paging.ForeignCursor()}", $"{path}?cursor=bm90IGpzb24",
            $"{path}?cursor=garbage!&limit=0&currency=usd");

        Assert.Equal(
            [["limit"], ["limit"], ["limit"], ["limit"], ["cursor"], ["cursor"], ["cursor"], ["currency", "cursor", "limit"]],
            refusals.Select(r => r.Fields));
        Assert.All(refusals, r => Assert.Equal(HttpStatusCode.BadRequest, r.Status));
        Assert.Equal(before.GetRawText(), (await Service.ReadAsync(HttpMethod.Get, path, scenario.Brand)).GetRawText());
        Assert.Equal(2, Entries(before).Count);
    }

    [Fact]
    public async Task Another_brands_cursor_and_creator_ids_reveal_nothing()
    {
        var theirs = await Scenario.StartAsync(Service, Events.Percent(10m));
        await theirs.AttributeAsync(100m, DateTimeOffset.UtcNow.AddHours(-1));
        await theirs.AttributeAsync(200m, DateTimeOffset.UtcNow.AddHours(-1));
        var theirCursor = Paging.NextCursor(await Service.ReadAsync(HttpMethod.Get, $"/api/ledger/creators/{theirs.CreatorId}/statement?limit=1", theirs.Brand))!;
        var ours = await Scenario.StartAsync(Service, Events.Percent(10m));
        await ours.AttributeAsync(30m, DateTimeOffset.UtcNow.AddHours(-1));
        await ours.AttributeAsync(40m, DateTimeOffset.UtcNow.AddHours(-1));
        var ourEntries = await Paging.StatementOrderInSqlAsync(Service, ours.CreatorId);

        var theirCreator = await Service.SendAsync(HttpMethod.Get, $"/api/ledger/creators/{theirs.CreatorId}/statement?limit=1", ours.Brand);
        var theirCreatorWithCursor = await Service.SendAsync(
            HttpMethod.Get, $"/api/ledger/creators/{theirs.CreatorId}/statement?cursor={Uri.EscapeDataString(theirCursor)}", ours.Brand);
        var ourPages = await Paging.PagesAsync(Service, $"/api/ledger/creators/{ours.CreatorId}/statement?currency=USD", ours.Brand, 1, theirCursor);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (theirCreator.StatusCode, theirCreatorWithCursor.StatusCode));
        // Their cursor is only a position in time: our statement from there shows our entries and balances, nothing of theirs.
        var seen = ourPages.SelectMany(Entries).Select(e => e.GetProperty("entryId").GetGuid()).ToList();
        Assert.Equal(ourEntries, seen);
        Assert.Equal(new Owed(7m, 0m, 0m, 7m), Owed.Of(ourPages[^1].GetProperty("carriedForward")));
        Assert.Equal(new Owed(0m, 0m, 0m, 0m), Owed.Of(ourPages[0].GetProperty("broughtForward")));
    }
}
