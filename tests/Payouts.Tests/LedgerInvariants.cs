using Npgsql;

namespace Payouts.Tests;

/// <summary>
/// What must hold after every test, read straight from the database and compared with the API:
/// every transaction and every brand's trial balance nets to zero per currency, each creator's
/// balances in the statement equal the sum of their entries, and each creator's pending balance
/// equals the unreleased commission less what refunds reversed of it.
/// </summary>
public static class LedgerInvariants
{
    public static async Task CheckAsync(PayoutsService service)
    {
        // Read once the service has nothing in flight, so the API and the SQL see the same ledger.
        await Eventually.SettledAsync(_ => service.ScalarAsync<long>("SELECT count(*) FROM journal_entries"), "ledger at rest", service.Idle);

        Assert.Equal(0L, await service.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT 1 FROM journal_entries GROUP BY transaction_id, currency HAVING sum(amount) <> 0) x"));
        Assert.Equal(0L, await service.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT 1 FROM journal_entries GROUP BY brand_id, currency HAVING sum(amount) <> 0) x"));

        foreach (var (brand, currency, debits) in await RowsAsync(service,
            "SELECT brand_id, currency, sum(amount) FILTER (WHERE amount > 0) FROM journal_entries GROUP BY brand_id, currency",
            r => (r.GetGuid(0), r.GetString(1), r.GetDecimal(2))))
        {
            var trial = await service.ReadAsync(HttpMethod.Get, "/api/ledger/trial-balance", brand);
            var line = trial.GetProperty("currencies").EnumerateArray().Single(c => c.GetProperty("currency").GetString() == currency);
            Assert.Equal(0m, line.GetProperty("net").GetDecimal());
            Assert.Equal(debits, line.GetProperty("totalDebits").GetDecimal());
            Assert.Equal(debits, line.GetProperty("totalCredits").GetDecimal());
        }

        foreach (var (brand, creator, currency) in await RowsAsync(service,
            "SELECT DISTINCT brand_id, creator_id, currency FROM ledger_accounts WHERE creator_id IS NOT NULL",
            r => (r.GetGuid(0), r.GetGuid(1), r.GetString(2))))
        {
            var closing = (await service.ReadAsync(HttpMethod.Get, $"/api/ledger/creators/{creator}/statement?currency={currency}", brand)).GetProperty("closing");
            Assert.Equal(await OwedAsync(service, creator, currency, "creator_pending"), closing.GetProperty("pending").GetDecimal());
            Assert.Equal(await OwedAsync(service, creator, currency, "creator_available"), closing.GetProperty("available").GetDecimal());
            Assert.Equal(await OwedAsync(service, creator, currency, "creator_in_payout"), closing.GetProperty("inPayout").GetDecimal());
            var unreleased = await service.ScalarAsync<decimal>(
                "SELECT coalesce(sum(commission - reversed_amount), 0) FROM commission_accruals WHERE creator_id = @c AND currency = @cur AND released_at IS NULL",
                ("c", creator), ("cur", currency));
            Assert.Equal(unreleased, closing.GetProperty("pending").GetDecimal());
        }

        await CheckPayoutsAsync(service);
    }

    /// <summary>
    /// Payout lines agree with the ledger: every line has its set of settled entries, each id of a set is
    /// an entry on the set's account, which is its line's creator's available account in the line's
    /// currency, and the entries net to the line's amount; no entry is in two sets (voided lines keep
    /// theirs: what a void returned is a new entry); in payout equals the creator's open lines; what is
    /// available is exactly the entries no set holds yet; payouts paid equals the paid lines.
    /// </summary>
    private static async Task CheckPayoutsAsync(PayoutsService service)
    {
        Assert.Equal(0L, await service.ScalarAsync<long>("""
            SELECT count(*) FROM payout_lines l
            WHERE NOT EXISTS (SELECT 1 FROM payout_line_entry_sets s WHERE s.line_id = l.id)
            """));
        Assert.Equal(0L, await service.ScalarAsync<long>("""
            SELECT count(*) FROM payout_line_entry_sets s JOIN payout_lines l ON l.id = s.line_id, unnest(s.entry_ids) settled
            WHERE NOT EXISTS (SELECT 1 FROM journal_entries e JOIN ledger_accounts a ON a.id = e.account_id
                              WHERE e.id = settled AND a.id = s.account_id AND a.kind = 'creator_available'
                                AND a.creator_id = l.creator_id AND a.currency = l.currency AND a.brand_id = l.brand_id)
            """));
        Assert.Equal(0L, await service.ScalarAsync<long>("""
            SELECT count(*) FROM (SELECT settled FROM payout_line_entry_sets s, unnest(s.entry_ids) settled GROUP BY settled HAVING count(*) > 1) twice
            """));
        Assert.Equal(0L, await service.ScalarAsync<long>("""
            SELECT count(*) FROM ledger_accounts a
            WHERE a.kind = 'creator_in_payout'
              AND coalesce((SELECT -sum(e.amount) FROM journal_entries e WHERE e.account_id = a.id), 0)
               <> coalesce((SELECT sum(l.amount) FROM payout_lines l WHERE l.creator_id = a.creator_id AND l.currency = a.currency AND l.brand_id = a.brand_id AND l.status = 'in_payout'), 0)
            """));
        Assert.Equal(0L, await service.ScalarAsync<long>("""
            SELECT count(*) FROM payout_lines l
            WHERE l.amount <> (SELECT -sum(e.amount) FROM payout_line_entry_sets s, unnest(s.entry_ids) settled JOIN journal_entries e ON e.id = settled
                               WHERE s.line_id = l.id)
            """));
        Assert.Equal(0L, await service.ScalarAsync<long>("""
            SELECT count(*) FROM ledger_accounts a
            WHERE a.kind = 'creator_available'
              AND coalesce((SELECT sum(e.amount) FROM journal_entries e WHERE e.account_id = a.id), 0)
               <> coalesce((SELECT sum(e.amount) FROM journal_entries e JOIN journal_transactions t ON t.id = e.transaction_id
                            WHERE e.account_id = a.id AND t.cause_type <> 'payout_batched'
                              AND NOT EXISTS (SELECT 1 FROM payout_line_entry_sets s WHERE s.account_id = a.id AND e.id = ANY (s.entry_ids))), 0)
            """));
        Assert.Equal(0L, await service.ScalarAsync<long>("""
            SELECT count(*) FROM ledger_accounts a
            WHERE a.kind = 'payouts_paid'
              AND coalesce((SELECT -sum(e.amount) FROM journal_entries e WHERE e.account_id = a.id), 0)
               <> coalesce((SELECT sum(l.amount) FROM payout_lines l WHERE l.currency = a.currency AND l.brand_id = a.brand_id AND l.status = 'paid'), 0)
            """));
        Assert.Equal(0L, await service.ScalarAsync<long>("""
            SELECT count(*) FROM payout_batches b
            WHERE b.total <> (SELECT sum(l.amount) FROM payout_lines l WHERE l.batch_id = b.id)
               OR b.line_count <> (SELECT count(*) FROM payout_lines l WHERE l.batch_id = b.id)
            """));
    }

    private static Task<decimal> OwedAsync(PayoutsService service, Guid creator, string currency, string kind) => service.ScalarAsync<decimal>(
        "SELECT coalesce(-sum(e.amount), 0) FROM journal_entries e JOIN ledger_accounts a ON a.id = e.account_id WHERE a.creator_id = @c AND a.currency = @cur AND a.kind = @k",
        ("c", creator), ("cur", currency), ("k", kind));

    private static async Task<List<T>> RowsAsync<T>(PayoutsService service, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(service.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}

/// <summary>Base of the ledger test classes: after every test, the invariants.</summary>
public abstract class LedgerTest(PayoutsService service) : IAsyncLifetime
{
    protected PayoutsService Service => service;

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        await LedgerInvariants.CheckAsync(service);
        GC.SuppressFinalize(this);
    }
}
