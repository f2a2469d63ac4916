using Npgsql;

namespace Payouts.Tests;

/// <summary>
/// The commit-time check of Migrations/0003 (queued per statement, checked as a set at commit) keeps
/// every rule of the per-row check it replaced, also for many transactions in one commit.
/// </summary>
public sealed class LedgerCheckTests(PayoutsService service) : LedgerTest(service), IClassFixture<PayoutsService>
{
    private readonly Guid _brand = Guid.CreateVersion7();

    private async Task<(Guid Debit, Guid Credit)> AccountsAsync()
    {
        var (debit, credit) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await Service.ScalarAsync<object>($"""
            INSERT INTO ledger_accounts VALUES ('{debit}', '{_brand}', 'USD', 'adjustment_expense', null, now());
            INSERT INTO ledger_accounts VALUES ('{credit}', '{_brand}', 'USD', 'creator_available', '{Guid.CreateVersion7()}', now());
            """);
        return (debit, credit);
    }

    private string Transaction(Guid id) =>
        $"INSERT INTO journal_transactions VALUES ('{id}', '{_brand}', now(), now(), 'manual', '{id}', '', null, null, 'psql', 'test');";

    private static string Entry(Guid transaction, Guid account, decimal amount, string currency = "USD", Guid? brand = null) =>
        $"INSERT INTO journal_entries VALUES ('{Guid.CreateVersion7()}', '{brand ?? Guid.Empty}', '{transaction}', '{account}', '{currency}', {amount});";

    private async Task<string> RefusedAsync(string sql)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => Service.ScalarAsync<object>($"BEGIN; {sql} COMMIT;"));
        return refused.MessageText;
    }

    private Task<long> TransactionsAsync() =>
        Service.ScalarAsync<long>("SELECT count(*) FROM journal_transactions WHERE brand_id = @b", ("b", _brand));

    [Fact]
    public async Task A_transaction_without_entries_is_refused_at_commit()
    {
        var message = await RefusedAsync(Transaction(Guid.CreateVersion7()));

        Assert.Contains("fewer than two entries", message, StringComparison.Ordinal);
        Assert.Equal(0L, await TransactionsAsync());
    }

    [Fact]
    public async Task An_entry_outside_its_accounts_currency_is_refused_even_when_it_balances()
    {
        var (debit, credit) = await AccountsAsync();
        var tx = Guid.CreateVersion7();

        var message = await RefusedAsync(Transaction(tx) + Entry(tx, debit, 5m, "EUR", _brand) + Entry(tx, credit, -5m, "EUR", _brand));

        Assert.Contains("outside its account's brand or currency", message, StringComparison.Ordinal);
        Assert.Equal(0L, await TransactionsAsync());
    }

    [Fact]
    public async Task An_entry_added_later_to_a_committed_transaction_is_refused()
    {
        var (debit, credit) = await AccountsAsync();
        var tx = Guid.CreateVersion7();
        await Service.ScalarAsync<object>($"BEGIN; {Transaction(tx)} {Entry(tx, debit, 7m, brand: _brand)} {Entry(tx, credit, -7m, brand: _brand)} COMMIT;");

        var message = await RefusedAsync(Entry(tx, credit, -1m, brand: _brand));

        Assert.Contains("does not balance", message, StringComparison.Ordinal);
        Assert.Equal(0m, await Service.ScalarAsync<decimal>("SELECT sum(amount) FROM journal_entries WHERE transaction_id = @t", ("t", tx)));
    }

    [Fact]
    public async Task One_unbalanced_transaction_among_ten_thousand_in_one_statement_refuses_the_commit()
    {
        var (debit, credit) = await AccountsAsync();
        var bulk = $"""
            CREATE TEMP TABLE bulk ON COMMIT DROP AS SELECT ledger_uuid_v7(now()) AS id, i FROM generate_series(1, 10000) i;
            INSERT INTO journal_transactions SELECT id, '{_brand}'::uuid, now(), now(), 'manual', id, '', null, null, 'psql', 'bulk' FROM bulk;
            INSERT INTO journal_entries
            SELECT ledger_uuid_v7(now()), '{_brand}'::uuid, id, '{debit}'::uuid, 'USD', i FROM bulk
            UNION ALL
            SELECT ledger_uuid_v7(now()), '{_brand}'::uuid, id, '{credit}'::uuid, 'USD', CASE WHEN i = 4321 THEN -i + 0.01 ELSE -i END FROM bulk;
            """;

        var message = await RefusedAsync(bulk);
        await Service.ScalarAsync<object>($"BEGIN; {bulk.Replace("-i + 0.01", "-i", StringComparison.Ordinal)} COMMIT;");

        Assert.Contains("does not balance in USD: 0.0100", message, StringComparison.Ordinal);
        Assert.Equal(10_000L, await TransactionsAsync());
        Assert.Equal(0L, await Service.ScalarAsync<long>("SELECT count(*) FROM ledger_unchecked_transactions"));
    }

    [Theory]
    [InlineData("DELETE FROM ledger_unchecked_transactions", "only the ledger's commit-time check")]
    [InlineData("UPDATE ledger_unchecked_transactions SET transaction_id = gen_random_uuid()", "only the ledger's commit-time check")]
    [InlineData("TRUNCATE ledger_unchecked_transactions", "pending trigger events")] // PostgreSQL's own refusal comes first
    public async Task Taking_a_transaction_off_the_check_queue_is_refused(string skip, string refusal)
    {
        var (debit, _) = await AccountsAsync();
        var tx = Guid.CreateVersion7();

        var message = await RefusedAsync(Transaction(tx) + Entry(tx, debit, 3m, brand: _brand) + skip + ";");

        Assert.Contains(refusal, message, StringComparison.Ordinal);
        Assert.Equal(0L, await TransactionsAsync());
    }

    [Fact]
    public async Task An_entry_on_an_account_that_does_not_exist_is_refused_at_commit()
    {
        var (debit, _) = await AccountsAsync();
        var tx = Guid.CreateVersion7();

        var message = await RefusedAsync(Transaction(tx) + Entry(tx, debit, 2m, brand: _brand) + Entry(tx, Guid.CreateVersion7(), -2m, brand: _brand));

        Assert.Contains("account or transaction does not exist", message, StringComparison.Ordinal);
        Assert.Equal(0L, await TransactionsAsync());
    }

    [Theory]
    [InlineData("DELETE FROM ledger_accounts")]
    [InlineData("TRUNCATE ledger_accounts")]
    [InlineData("UPDATE ledger_accounts SET id = gen_random_uuid()")]
    [InlineData("DELETE FROM payout_lines")]
    public async Task Rows_that_entries_and_entry_sets_point_at_are_never_removed_or_renamed(string sql)
    {
        await AccountsAsync();

        var message = (await Assert.ThrowsAsync<PostgresException>(() => Service.ScalarAsync<object>(sql))).MessageText;

        Assert.Contains("is not allowed", message, StringComparison.Ordinal);
        Assert.Equal(2L, await Service.ScalarAsync<long>("SELECT count(*) FROM ledger_accounts WHERE brand_id = @b", ("b", _brand)));
    }
}
