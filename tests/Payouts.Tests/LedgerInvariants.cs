using AmbassadorNet.TestKit.Waiting;
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
