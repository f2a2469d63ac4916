using System.Diagnostics;
using Npgsql;

namespace AmbassadorNet.Benchmarks;

/// <summary>
/// T5's data, written straight into the payouts database: creators with complete, verified USD
/// payout profiles, and released commissions as the service would have posted them — per commission
/// an accrual (commission expense → creator pending, caused by its message) and a release (creator
/// pending → creator available, caused by the release job) — so each creator has an available
/// balance made of many entries. The journal's triggers are off while it is written (the benchmark
/// connects as the superuser; the commit-time check of two million transactions would take minutes);
/// a query then proves every seeded transaction balances, as the check would have.
/// </summary>
public static class PayoutRunSeed
{
    public static async Task<TimeSpan> WriteAsync(string connectionString, Guid brand, int creators, int commissions)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "SET session_replication_role = replica");
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var statement in Statements)
            {
                await ExecuteAsync(connection, statement, brand, creators, commissions);
            }

            await transaction.CommitAsync();
        }

        await ExecuteAsync(connection, "SET session_replication_role = origin");
        await using (var check = new NpgsqlCommand(
            "SELECT count(*) FROM (SELECT 1 FROM journal_entries WHERE brand_id = @brand GROUP BY transaction_id HAVING sum(amount) <> 0 OR count(*) < 2) x",
            connection) { CommandTimeout = 0 })
        {
            check.Parameters.AddWithValue("brand", brand);
            var unbalanced = (long)(await check.ExecuteScalarAsync())!;
            if (unbalanced != 0)
            {
                throw new InvalidOperationException($"{unbalanced} seeded transactions do not balance");
            }
        }

        // Statistics as a live database would have them after autovacuum: the run's plans depend on them.
        await ExecuteAsync(connection, "ANALYZE ledger_accounts; ANALYZE journal_transactions; ANALYZE journal_entries; ANALYZE creator_payout_profiles; ANALYZE payout_line_entry_sets");
        return clock.Elapsed;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, Guid? brand = null, int creators = 0, int commissions = 0)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        if (brand is { } id)
        {
            command.Parameters.AddWithValue("brand", id);
            command.Parameters.AddWithValue("creators", creators);
            command.Parameters.AddWithValue("commissions", commissions);
        }

        await command.ExecuteNonQueryAsync();
    }

    // Accruals 40 days ago, releases 5 days ago; ids are UUIDv7 of those times (ledger_uuid_v7 of migration 0003).
    private static readonly string[] Statements =
    [
        """
        CREATE TEMP TABLE seed_creators ON COMMIT DROP AS
        SELECT n, ledger_uuid_v7(now() - interval '90 days') AS creator_id,
               ledger_uuid_v7(now() - interval '90 days') AS pending_id, ledger_uuid_v7(now() - interval '90 days') AS available_id
        FROM generate_series(0, @creators - 1) n
        """,
        """
        INSERT INTO ledger_accounts (id, brand_id, currency, kind, creator_id, created_at)
        SELECT ledger_uuid_v7(now() - interval '90 days'), @brand, 'USD', 'commission_expense', NULL, now() - interval '90 days'
        ON CONFLICT DO NOTHING
        """,
        """
        INSERT INTO ledger_accounts (id, brand_id, currency, kind, creator_id, created_at)
        SELECT pending_id, @brand, 'USD', 'creator_pending', creator_id, now() - interval '90 days' FROM seed_creators
        UNION ALL
        SELECT available_id, @brand, 'USD', 'creator_available', creator_id, now() - interval '90 days' FROM seed_creators
        """,
        """
        INSERT INTO creator_payout_profiles (creator_id, brand_id, version, method, currency, payee_reference, tax_form_status, is_complete, erased, updated_at)
        SELECT creator_id, @brand, 1, 'bank_transfer', 'USD', 'payee-' || n, 'verified', true, false, now() - interval '90 days' FROM seed_creators
        """,
        """
        CREATE TEMP TABLE seed_commissions ON COMMIT DROP AS
        SELECT i, c.creator_id, c.pending_id, c.available_id,
               ledger_uuid_v7(now() - interval '40 days') AS conversion_id,
               ledger_uuid_v7(now() - interval '40 days') AS accrual_tx,
               ledger_uuid_v7(now() - interval '5 days') AS release_tx,
               (1 + (i % 997) / 100.0)::numeric(19,4) AS amount
        FROM generate_series(0, @commissions - 1) i JOIN seed_creators c ON c.n = i % @creators
        """,
        """
        INSERT INTO journal_transactions (id, brand_id, occurred_at, posted_at, cause_type, cause_id, cause_ref, caused_by_message_id, caused_by_job, description)
        SELECT accrual_tx, @brand, now() - interval '40 days', now() - interval '40 days', 'commission_accrued', conversion_id, '', conversion_id, NULL,
               'Commission of order bench-' || i || ' accrued'
        FROM seed_commissions
        UNION ALL
        SELECT release_tx, @brand, now() - interval '5 days', now() - interval '5 days', 'commission_released', conversion_id, '', NULL, 'release-job',
               'Commission of order bench-' || i || ' released after its holding period'
        FROM seed_commissions
        """,
        """
        INSERT INTO journal_entries (id, brand_id, transaction_id, account_id, currency, amount)
        SELECT ledger_uuid_v7(now() - interval '40 days'), @brand, s.accrual_tx, x.id, 'USD', s.amount
        FROM seed_commissions s, (SELECT id FROM ledger_accounts WHERE brand_id = @brand AND kind = 'commission_expense' AND currency = 'USD') x
        UNION ALL
        SELECT ledger_uuid_v7(now() - interval '40 days'), @brand, accrual_tx, pending_id, 'USD', -amount FROM seed_commissions
        UNION ALL
        SELECT ledger_uuid_v7(now() - interval '5 days'), @brand, release_tx, pending_id, 'USD', amount FROM seed_commissions
        UNION ALL
        SELECT ledger_uuid_v7(now() - interval '5 days'), @brand, release_tx, available_id, 'USD', -amount FROM seed_commissions
        """,
    ];
}
