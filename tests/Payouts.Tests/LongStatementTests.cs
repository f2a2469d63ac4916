using System.Diagnostics;

namespace Payouts.Tests;

/// <summary>
/// A creator with 10,000 entries (posted in one statement, three to a millisecond, so posting times
/// tie): walked 200 at a time, every entry comes once in the SQL order and every page's balances
/// are right to the cent. Prints the time per page (the deep pages sum what comes before in SQL).
/// </summary>
public sealed class LongStatementTests(PayoutsService service) : LedgerTest(service), IClassFixture<PayoutsService>
{
    private const int Count = 10_000;

    [Fact]
    public async Task Ten_thousand_entries_walked_two_hundred_at_a_time_come_once_each_with_balances_right_to_the_cent()
    {
        var (brand, creator) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var (expense, available) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await Service.ScalarAsync<object>($"""
            BEGIN;
            INSERT INTO ledger_accounts VALUES ('{expense}', '{brand}', 'USD', 'adjustment_expense', null, now());
            INSERT INTO ledger_accounts VALUES ('{available}', '{brand}', 'USD', 'creator_available', '{creator}', now());
            CREATE TEMP TABLE bulk ON COMMIT DROP AS SELECT ledger_uuid_v7(now()) AS id, i FROM generate_series(1, {Count}) i;
            INSERT INTO journal_transactions
            SELECT id, '{brand}'::uuid, now(), now() - (({Count} - i) / 3) * interval '1 millisecond', 'manual', id, '', null, null, 'psql', 'bulk' FROM bulk;
            INSERT INTO journal_entries
            SELECT ledger_uuid_v7(now()), '{brand}'::uuid, id, '{expense}'::uuid, 'USD', i * 0.01 FROM bulk
            UNION ALL
            SELECT ledger_uuid_v7(now()), '{brand}'::uuid, id, '{available}'::uuid, 'USD', -i * 0.01 FROM bulk;
            COMMIT;
            """);

        var (pages, timings) = (new List<JsonElement>(), new List<double>());
        string? cursor = null;
        var walk = Stopwatch.StartNew();
        do
        {
            var clock = Stopwatch.StartNew();
            var page = await Service.ReadAsync(HttpMethod.Get, $"/api/ledger/creators/{creator}/statement?limit=200" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"), brand);
            timings.Add(clock.Elapsed.TotalMilliseconds);
            pages.Add(page);
            cursor = Paging.NextCursor(page);
        }
        while (cursor is not null && pages.Count <= Count);
        walk.Stop();

        var entries = pages.SelectMany(p => p.GetProperty("entries").EnumerateArray()).ToList();
        Assert.Equal(Count / 200, pages.Count);
        Assert.Equal(await Paging.StatementOrderInSqlAsync(Service, creator), entries.Select(e => e.GetProperty("entryId").GetGuid()));
        decimal Available(JsonElement page, string balances) => page.GetProperty(balances).GetProperty("available").GetDecimal();
        var before = 0m;
        foreach (var page in pages)
        {
            Assert.Equal(before, Available(page, "broughtForward"));
            before += page.GetProperty("entries").EnumerateArray().Sum(e => e.GetProperty("amount").GetDecimal());
            Assert.Equal(before, Available(page, "carriedForward"));
        }

        Assert.Equal(500_050.00m, before); // 0.01 × (1 + 2 + … + 10,000)
        Assert.Equal(before, Available(pages[0], "closing"));
        var sorted = timings.Order().ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Count} entries in {pages.Count} pages of 200: walk {walk.Elapsed.TotalSeconds:0.00} s; per page first {timings[0]:0} ms, " +
            $"median {sorted[sorted.Count / 2]:0} ms, max {sorted[^1]:0} ms, last {timings[^1]:0} ms; page body about {pages[0].GetRawText().Length / 1024} KiB");
    }
}
