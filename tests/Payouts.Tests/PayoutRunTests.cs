using System.Net;
using Npgsql;

namespace Payouts.Tests;

/// <summary>Who a run pays, once per period, and the ledger moves behind it.</summary>
public sealed class PayoutRunTests(PayoutsService service) : LedgerTest(service), IClassFixture<PayoutsService>
{
    private static Dictionary<Guid, string> Excluded(JsonElement run) =>
        run.GetProperty("excluded").EnumerateArray().ToDictionary(e => e.GetProperty("creatorId").GetGuid(), e => e.GetProperty("reason").GetString()!);

    private static Dictionary<Guid, decimal> Lines(JsonElement batch) =>
        batch.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("creatorId").GetGuid(), l => l.GetProperty("amount").GetDecimal());

    [Fact]
    public async Task A_run_pays_each_eligible_creator_in_one_batch_per_currency_and_lists_the_others_with_the_reason()
    {
        var desk = new PayoutDesk(Service);
        await desk.SetMinimumAsync("USD", 50m);
        var exactly = await desk.PayeeAsync("USD", 30m, 20m);
        var below = await desk.PayeeAsync("USD", 49.99m);
        var held = await desk.PayeeAsync("USD", 80m);
        await Service.ReadAsync(HttpMethod.Post, $"/api/payouts/holds/{held}", desk.Brand, new { reason = "KYC review" });
        var euroProfile = await desk.PayeeAsync("EUR");
        await desk.FeeAsync(euroProfile, 80m, "USD");
        var taxSubmitted = Guid.CreateVersion7();
        await desk.ProfileAsync(taxSubmitted, 1, taxForm: "submitted");
        await desk.FeeAsync(taxSubmitted, 80m);
        var incomplete = Guid.CreateVersion7();
        await desk.ProfileAsync(incomplete, 1, complete: false);
        await desk.FeeAsync(incomplete, 80m);
        var noProfile = Guid.CreateVersion7();
        await desk.FeeAsync(noProfile, 80m);
        var netted = await desk.PayeeAsync("USD", 100m);
        await desk.AdjustAsync(netted, -30m);
        var negative = await desk.PayeeAsync("USD", 20m);
        await desk.AdjustAsync(negative, -50m);
        var euro = await desk.PayeeAsync("EUR", 10m); // no EUR minimum: any positive balance

        var run = await desk.RunReadAsync();

        Assert.True(run.GetProperty("created").GetBoolean());
        Assert.Equal(2, run.GetProperty("batches").GetArrayLength());
        var usd = await desk.BatchAsync(PayoutDesk.BatchOf(run, "USD"));
        var eur = await desk.BatchAsync(PayoutDesk.BatchOf(run, "EUR"));
        Assert.Equal(new Dictionary<Guid, decimal> { [exactly] = 50m, [netted] = 70m }, Lines(usd));
        Assert.Equal((120m, 2, "draft"), (usd.GetProperty("batch").GetProperty("total").GetDecimal(), usd.GetProperty("batch").GetProperty("lineCount").GetInt32(), usd.GetProperty("batch").GetProperty("status").GetString()));
        Assert.Equal(new Dictionary<Guid, decimal> { [euro] = 10m }, Lines(eur));
        Assert.Equal(new Dictionary<Guid, string>
        {
            [below] = "below_minimum", [held] = "on_hold", [euroProfile] = "profile_currency_mismatch", [taxSubmitted] = "tax_form_not_verified",
            [incomplete] = "profile_incomplete", [noProfile] = "no_payout_profile", [negative] = "nothing_owed",
        }, Excluded(run));
        Assert.Equal(-30m, run.GetProperty("excluded").EnumerateArray().Single(e => e.GetProperty("creatorId").GetGuid() == negative).GetProperty("balance").GetDecimal());

        Assert.Equal((0m, 50m), await desk.BalancesAsync(exactly));
        Assert.Equal((0m, 70m), await desk.BalancesAsync(netted));
        Assert.Equal((49.99m, 0m), await desk.BalancesAsync(below));
        var nettedLine = usd.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("creatorId").GetGuid() == netted);
        Assert.Equal(["adjustment", "deliverable_fee"], nettedLine.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("causeType").GetString()).Order());
        Assert.Equal($"payee-{exactly:N}", usd.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("creatorId").GetGuid() == exactly).GetProperty("payeeReference").GetString());
        // One transaction per batch (docs/decisions/0010): its cause is the batch, and every line of the batch points at it.
        var moves = await Service.QueryAsync(desk.Brand, db => db.Transactions.Where(t => t.CauseType == CauseTypes.PayoutBatched).ToListAsync());
        Assert.Equal(2, moves.Count);
        Assert.All(moves, t => Assert.Equal(Service.FinanceKey, t.CausedByKeyId));
        foreach (var batch in new[] { usd, eur })
        {
            var move = moves.Single(t => t.CauseId == batch.GetProperty("batch").GetProperty("id").GetGuid());
            Assert.All(batch.GetProperty("lines").EnumerateArray(), l => Assert.Equal(move.Id, l.GetProperty("transactionId").GetGuid()));
        }

        Assert.Equal(6L, await Service.ScalarAsync<long>(
            "SELECT count(*) FROM journal_entries e JOIN journal_transactions t ON t.id = e.transaction_id WHERE t.brand_id = @b AND t.cause_type = 'payout_batched'",
            ("b", desk.Brand)));
        Assert.Equal(2, (await Service.EventTypesAsync(desk.Brand)).Count(t => t == "PayoutBatchCreated"));
    }

    [Fact]
    public async Task The_same_period_twice_creates_nothing_and_a_later_period_takes_only_new_entries()
    {
        var desk = new PayoutDesk(Service);
        var creator = await desk.PayeeAsync("USD", 40m);
        var periodEnd = DateTimeOffset.UtcNow;

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => desk.RunAsync(periodEnd)));
        await desk.FeeAsync(creator, 15m); // posted after the period end
        var again = await desk.RunReadAsync(periodEnd);
        var later = await desk.RunReadAsync();

        Assert.Equal(1, concurrent.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(2, concurrent.Count(r => r.StatusCode == HttpStatusCode.OK));
        var first = JsonDocument.Parse(await concurrent.Single(r => r.StatusCode == HttpStatusCode.Created).Content.ReadAsStringAsync()).RootElement;
        Assert.False(again.GetProperty("created").GetBoolean());
        Assert.Equal(first.GetProperty("runId").GetGuid(), again.GetProperty("runId").GetGuid());
        Assert.Equal(PayoutDesk.BatchOf(first), PayoutDesk.BatchOf(again));
        Assert.Equal(40m, Lines(await desk.BatchAsync(PayoutDesk.BatchOf(first)))[creator]);
        Assert.Equal(15m, Lines(await desk.BatchAsync(PayoutDesk.BatchOf(later)))[creator]);
        Assert.Equal(2L, await desk.TransactionsAsync(CauseTypes.PayoutBatched));
        Assert.Equal((0m, 55m), await desk.BalancesAsync(creator));
        var nothingNew = await desk.RunReadAsync();
        Assert.Equal(0, nothingNew.GetProperty("batches").GetArrayLength());
    }

    [Fact]
    public async Task An_entry_posted_before_the_period_end_that_commits_after_the_run_read_is_paid_once_by_the_next_run()
    {
        var desk = new PayoutDesk(Service);
        var creator = await desk.PayeeAsync("USD", 10m);
        var expense = await Service.ScalarAsync<Guid>("SELECT id FROM ledger_accounts WHERE brand_id = @b AND kind = 'deliverable_fee_expense'", ("b", desk.Brand));
        var available = await Service.ScalarAsync<Guid>(
            "SELECT id FROM ledger_accounts WHERE brand_id = @b AND kind = 'creator_available' AND creator_id = @c", ("b", desk.Brand), ("c", creator));
        await using var late = new NpgsqlConnection(Service.Database.ConnectionString);
        await late.OpenAsync(TestContext.Current.CancellationToken);
        await using var posting = await late.BeginTransactionAsync(TestContext.Current.CancellationToken);
        var (transaction, entry) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await using (var write = new NpgsqlCommand($"""
            INSERT INTO journal_transactions VALUES ('{transaction}', '{desk.Brand}', now(), now() - interval '1 minute', 'adjustment', '{Guid.CreateVersion7()}', '', '{Service.FinanceKey}', null, null, 'in flight');
            INSERT INTO journal_entries VALUES ('{Guid.CreateVersion7()}', '{desk.Brand}', '{transaction}', '{expense}', 'USD', 7), ('{entry}', '{desk.Brand}', '{transaction}', '{available}', 'USD', -7);
            """, late, posting))
        {
            await write.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var first = await desk.RunReadAsync(); // its period ends after the posting's time, but the posting has not committed
        await posting.CommitAsync(TestContext.Current.CancellationToken);
        var second = await desk.RunReadAsync();

        var (paidFirst, paidSecond) = (await desk.BatchAsync(PayoutDesk.BatchOf(first)), await desk.BatchAsync(PayoutDesk.BatchOf(second)));
        Assert.Equal(10m, Lines(paidFirst)[creator]);
        Assert.Equal(7m, Lines(paidSecond)[creator]);
        Assert.Equal([entry], paidSecond.GetProperty("lines")[0].GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("entryId").GetGuid()));
        Assert.Equal((0m, 17m), await desk.BalancesAsync(creator));
    }

    [Fact]
    public async Task A_line_drills_down_to_the_conversions_behind_its_commission()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var kept = await scenario.AttributeAsync(100m, DateTimeOffset.UtcNow.AddDays(-40));
        var refunded = await scenario.AttributeAsync(50m, DateTimeOffset.UtcNow.AddDays(-40), rank: 2);
        await scenario.ReleaseAsync();
        await scenario.RefundAsync(refunded, "refund-1", 50m, 50m); // clawed back from available after release
        await Service.PublishAsync(Events.PayoutProfile(scenario.Brand, scenario.CreatorId, 1));
        await AmbassadorNet.TestKit.Waiting.Eventually.UntilAsync(
            async _ => await Service.QueryAsync(scenario.Brand, db => db.PayoutProfiles.AnyAsync(p => p.CreatorId == scenario.CreatorId)), "profile");

        var run = JsonDocument.Parse(await (await Service.SendAsync(HttpMethod.Post, "/api/payouts/runs", scenario.Brand, new { periodEnd = DateTimeOffset.UtcNow })).Content.ReadAsStringAsync()).RootElement;
        var batch = await Service.ReadAsync(HttpMethod.Get, $"/api/payouts/batches/{PayoutDesk.BatchOf(run)}", scenario.Brand);

        var line = batch.GetProperty("lines").EnumerateArray().Single();
        Assert.Equal(10m, line.GetProperty("amount").GetDecimal());
        var entries = line.GetProperty("entries").EnumerateArray()
            .Select(e => (Cause: e.GetProperty("causeType").GetString()!, Conversion: e.GetProperty("conversionId").GetGuid(), Order: e.GetProperty("orderId").GetString()!, Amount: e.GetProperty("amount").GetDecimal()))
            .OrderBy(e => e.Cause).ThenBy(e => e.Conversion).ToList();
        Assert.Equal(
            new[] { ("commission_released", kept.ConversionId, kept.OrderId, 10m), ("commission_released", refunded.ConversionId, refunded.OrderId, 5m), ("commission_reversed", refunded.ConversionId, refunded.OrderId, -5m) }
                .OrderBy(e => e.Item1).ThenBy(e => e.Item2),
            entries);
    }
}
