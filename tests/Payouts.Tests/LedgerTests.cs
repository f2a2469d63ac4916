using System.Globalization;
using Npgsql;

namespace Payouts.Tests;

/// <summary>The ledger itself: append-only and balanced in the database, causes, deliverable fees, and the reports.</summary>
public sealed class LedgerTests(PayoutsService service) : LedgerTest(service), IClassFixture<PayoutsService>
{
    [Theory]
    [InlineData("UPDATE journal_entries SET amount = amount * 2")]
    [InlineData("DELETE FROM journal_entries")]
    [InlineData("UPDATE journal_transactions SET description = 'edited'")]
    [InlineData("DELETE FROM journal_transactions")]
    [InlineData("TRUNCATE journal_entries, journal_transactions")]
    public async Task Changing_or_deleting_a_posted_entry_fails_in_the_database(string sql)
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        await scenario.AttributeAsync(100m, DateTimeOffset.UtcNow.AddHours(-1));

        var refused = await Assert.ThrowsAsync<PostgresException>(() => Service.ScalarAsync<object>(sql));

        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        Assert.Equal((10m, 0m), await scenario.BalancesAsync());
    }

    [Fact]
    public async Task A_transaction_that_does_not_balance_is_refused_at_commit()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        await scenario.AttributeAsync(100m, DateTimeOffset.UtcNow.AddHours(-1));
        var account = await Service.ScalarAsync<Guid>("SELECT id FROM ledger_accounts WHERE creator_id = @c", ("c", scenario.CreatorId));
        var (brand, tx) = (scenario.Brand, Guid.CreateVersion7());

        var refused = await Assert.ThrowsAsync<PostgresException>(() => Service.ScalarAsync<object>($"""
            BEGIN;
            INSERT INTO journal_transactions VALUES ('{tx}', '{brand}', now(), now(), 'manual', '{tx}', '', null, null, 'psql', 'one-sided');
            INSERT INTO journal_entries VALUES ('{Guid.CreateVersion7()}', '{brand}', '{tx}', '{account}', 'USD', -100);
            COMMIT;
            """));

        Assert.Contains("does not balance", refused.MessageText, StringComparison.Ordinal);
        Assert.Equal(0L, await Service.ScalarAsync<long>("SELECT count(*) FROM journal_transactions WHERE id = @t", ("t", tx)));
    }

    [Fact]
    public async Task Every_transaction_points_at_its_cause_and_what_caused_it()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var messageId = Guid.NewGuid();
        var conversion = Guid.CreateVersion7();
        await Service.PublishAsync(Events.Attributed(scenario.Brand, conversion, scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId, 100m, DateTimeOffset.UtcNow.AddDays(-40), 1), messageId);
        await scenario.AccrualAsync(conversion);
        await scenario.ReleaseAsync();

        var statement = await Service.ReadAsync(HttpMethod.Get, $"/api/ledger/creators/{scenario.CreatorId}/statement", scenario.Brand);
        var lines = statement.GetProperty("entries").EnumerateArray().ToList();

        Assert.Equal(["creator_pending", "creator_pending", "creator_available"], lines.Select(l => l.GetProperty("account").GetString()));
        Assert.Equal([10m, -10m, 10m], lines.Select(l => l.GetProperty("amount").GetDecimal()));
        Assert.All(lines, l => Assert.Equal(conversion, l.GetProperty("causeId").GetGuid()));
        Assert.Equal((CauseTypes.Accrual, messageId), (lines[0].GetProperty("causeType").GetString(), lines[0].GetProperty("causedByMessageId").GetGuid()));
        Assert.Equal((CauseTypes.Release, Service.FinanceKey), (lines[1].GetProperty("causeType").GetString(), lines[1].GetProperty("causedByKeyId").GetGuid()));
    }

    [Fact]
    public async Task A_deliverable_fee_is_available_at_once_and_booked_once()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var post = Guid.CreateVersion7();
        var approved = Events.Approved(scenario.Brand, Guid.CreateVersion7(), scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId, 50m);
        approved = approved with { Deliverable = approved.Deliverable with { PostId = post } };

        await Service.PublishAllAsync(approved, approved, Events.Approved(scenario.Brand, Guid.CreateVersion7(), scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId, null));

        var fees = await Eventually.SettledAsync(_ => Service.QueryAsync(scenario.Brand, db => db.Transactions.CountAsync()), "fees", Service.Idle);
        Assert.Equal(1, fees);
        Assert.Equal((0m, 50m), await scenario.BalancesAsync());
        Assert.Equal(["DeliverableFeeBooked"], await Service.EventTypesAsync(scenario.Brand));
        // The fee names the post the deliverable was submitted as, whose cost it is in analytics.
        var booked = System.Text.Json.JsonDocument.Parse(Assert.Single(await Service.EventsAsync(scenario.Brand)).Body).RootElement;
        Assert.Equal(post, booked.GetProperty("postId").GetGuid());
    }

    [Fact]
    public async Task A_statement_for_a_period_opens_with_the_balance_before_it()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        await scenario.AttributeAsync(100m, DateTimeOffset.UtcNow.AddHours(-1));
        var cut = await Service.ScalarAsync<DateTime>("SELECT clock_timestamp()");
        await scenario.AttributeAsync(50m, DateTimeOffset.UtcNow.AddHours(-1), rank: 2);

        var from = cut.ToString("O", CultureInfo.InvariantCulture);
        var statement = await Service.ReadAsync(HttpMethod.Get, $"/api/ledger/creators/{scenario.CreatorId}/statement?currency=USD&from={Uri.EscapeDataString(from)}", scenario.Brand);

        Assert.Equal(10m, statement.GetProperty("opening").GetProperty("pending").GetDecimal());
        Assert.Equal([5m], statement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("amount").GetDecimal()));
        Assert.Equal(15m, statement.GetProperty("closing").GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task The_general_ledger_export_lists_every_entry_of_the_period_and_balances()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var accrual = await scenario.AttributeAsync(100m, DateTimeOffset.UtcNow.AddDays(-40));
        await scenario.ReleaseAsync();
        await scenario.RefundAsync(accrual, "r-1,\"quoted\"", 20m, 20m);
        var (from, to) = (DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var response = await Service.SendAsync(HttpMethod.Get, $"/api/ledger/export.csv?from={from}&to={to}", scenario.Brand);
        var rows = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var empty = await Service.SendAsync(HttpMethod.Get, "/api/ledger/export.csv?from=2020-01-01&to=2020-02-01", scenario.Brand);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("transaction_id,posted_at", rows[0], StringComparison.Ordinal);
        Assert.Equal(7, rows.Length); // header + 3 transactions × 2 entries
        Assert.Contains(rows, r => r.Contains("\"r-1,\"\"quoted\"\"\"", StringComparison.Ordinal));
        Assert.Single((await empty.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Payee_totals_sum_a_year_of_commission_reversals_fees_and_adjustments_per_creator()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var accrual = await scenario.AttributeAsync(100m, DateTimeOffset.UtcNow.AddDays(-40));
        await scenario.ReleaseAsync();
        await scenario.RefundAsync(accrual, "r1", 40m, 40m);
        await Service.PublishAsync(Events.Approved(scenario.Brand, Guid.CreateVersion7(), scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId, 25m));
        await Eventually.UntilAsync(_ => scenario.BalancesAsync(), b => b.Available == 31m, "fee booked");

        var totals = await Service.ReadAsync(HttpMethod.Get, $"/api/ledger/payee-totals?year={DateTimeOffset.UtcNow.Year}", scenario.Brand);
        var lastYear = await Service.ReadAsync(HttpMethod.Get, $"/api/ledger/payee-totals?year={DateTimeOffset.UtcNow.Year - 1}", scenario.Brand);
        var bad = await Service.SendAsync(HttpMethod.Get, "/api/ledger/payee-totals?year=last", scenario.Brand);

        var payee = totals.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(scenario.CreatorId, payee.GetProperty("creatorId").GetGuid());
        Assert.Equal((10m, 4m, 25m, 0m, 31m), (payee.GetProperty("commission").GetDecimal(), payee.GetProperty("reversed").GetDecimal(),
            payee.GetProperty("fees").GetDecimal(), payee.GetProperty("adjustments").GetDecimal(), payee.GetProperty("total").GetDecimal()));
        Assert.Equal(0, lastYear.GetProperty("items").GetArrayLength());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("year", await bad.ErrorFieldsAsync());
    }

    [Fact]
    public async Task The_trial_balance_lists_each_account_kind_and_nets_to_zero()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        await scenario.AttributeAsync(100m, DateTimeOffset.UtcNow.AddDays(-40));
        await scenario.ReleaseAsync();

        var trial = await Service.ReadAsync(HttpMethod.Get, "/api/ledger/trial-balance", scenario.Brand);
        var usd = trial.GetProperty("currencies").EnumerateArray().Single();
        var lines = usd.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("account").GetString()!, l => l.GetProperty("balance").GetDecimal());

        Assert.Equal(new Dictionary<string, decimal> { ["commission_expense"] = 10m, ["creator_pending"] = 0m, ["creator_available"] = -10m }, lines);
        Assert.Equal((20m, 20m, 0m), (usd.GetProperty("totalDebits").GetDecimal(), usd.GetProperty("totalCredits").GetDecimal(), usd.GetProperty("net").GetDecimal()));
    }
}
