using Npgsql;
using NpgsqlTypes;

namespace AmbassadorNet.Payouts.Ledger;

/// <summary>
/// The set-based statements of a payout run, run inside the runner's transaction on its connection.
/// Working sets live in temporary tables dropped at commit: the balance per creator and currency with
/// the ids of the entries behind it, the verdict per balance, and the lines. Nothing here goes through the
/// change tracker: a run of 100,000 creators is a handful of statements, not a million tracked rows.
/// </summary>
internal sealed class PayoutRunSql(PayoutsDbContext db, Guid brandId, DateTimeOffset now)
{
    private static readonly string Available = SnakeCaseEnums.Name(AccountKind.CreatorAvailable);
    private static readonly string InPayout = SnakeCaseEnums.Name(AccountKind.CreatorInPayout);

    public sealed record Payable(string Currency, int Lines, decimal Total);

    /// <summary>The batch a currency's lines join, and the ledger transaction that moves them.</summary>
    public sealed record BatchTarget(string Currency, Guid BatchId, Guid TransactionId);

    /// <summary>
    /// Every available entry posted up to the period end that no line settles yet (the run's own
    /// debits of available are not money owed), netted per creator and currency, with the ids of the
    /// entries behind each balance: the set its line will settle.
    /// </summary>
    public async Task CollectAsync(DateTimeOffset periodEnd, CancellationToken ct)
    {
        // Hash joins and aggregates over a million rows stay in memory instead of spilling to disk. The
        // planner reserves 8 kB per balance for its array of entry ids (about 0.5 kB is used), so 100,000
        // creators plan 800 MB: below 512 MB it sorted a million rows instead (0.2–0.3 s more at T5's size).
        // JIT spent 0.1–0.2 s compiling these one-off statements and made them no faster.
        await ExecuteAsync("SET LOCAL work_mem = '512MB'; SET LOCAL jit = off", ct);
        // The transactions whose entries are not owed (the runs' own, those posted after the period end)
        // are few and found by index; joining every entry with its transaction instead hashed them all
        // (2,000,000 at T5's size). Every entry has a transaction of its brand: the commit-time check of
        // Migrations/0003 refuses any other.
        await ExecuteAsync($"""
            CREATE TEMP TABLE run_balances ON COMMIT DROP AS
            WITH not_owed AS MATERIALIZED (
                SELECT id FROM journal_transactions
                WHERE brand_id = @brand AND (cause_type = '{CauseTypes.PayoutBatched}' OR posted_at > @period_end))
            SELECT a.id AS account_id, a.creator_id, e.currency, -sum(e.amount) AS owed, array_agg(e.id) AS entry_ids
            FROM ledger_accounts a
            JOIN journal_entries e ON e.account_id = a.id
            WHERE a.brand_id = @brand AND a.kind = '{Available}'
              AND NOT EXISTS (SELECT 1 FROM not_owed n WHERE n.id = e.transaction_id)
              AND NOT EXISTS (SELECT 1 FROM payout_line_entry_sets s, unnest(s.entry_ids) settled WHERE s.brand_id = @brand AND settled = e.id)
            GROUP BY a.id, a.creator_id, e.currency
            """, ct, Parameter("period_end", periodEnd));
        // Statistics for the plans that join the balances; the arrays need none (their element statistics took 0.1 s).
        await ExecuteAsync("ANALYZE run_balances (account_id, creator_id, currency, owed)", ct);
    }

    public Task<List<string>> CurrenciesAsync(CancellationToken ct) =>
        QueryAsync("SELECT DISTINCT currency::text FROM run_balances ORDER BY 1", r => r.GetString(0), ct);

    /// <summary>
    /// Why each balance is not paid, or null when it is: the rules in the order the runner has always
    /// applied them, the first that fails names the reason (exactly the minimum is paid).
    /// </summary>
    public Task JudgeAsync(IReadOnlyDictionary<string, decimal> minimums, CancellationToken ct) => ExecuteAsync($"""
        CREATE TEMP TABLE run_verdicts ON COMMIT DROP AS
        SELECT b.account_id, b.creator_id, b.currency, b.owed, p.payee_reference,
               CASE WHEN b.owed <= 0 THEN '{ExclusionReasons.NothingOwed}'
                    WHEN b.owed < m.minimum THEN '{ExclusionReasons.BelowMinimum}'
                    WHEN EXISTS (SELECT 1 FROM payout_holds h
                                 WHERE h.brand_id = @brand AND h.creator_id = b.creator_id AND h.lifted_at IS NULL) THEN '{ExclusionReasons.OnHold}'
                    WHEN p.creator_id IS NULL OR p.erased THEN '{ExclusionReasons.NoPayoutProfile}'
                    WHEN p.currency <> b.currency THEN '{ExclusionReasons.ProfileCurrencyMismatch}'
                    WHEN NOT p.is_complete OR p.payee_reference = '' THEN '{ExclusionReasons.ProfileIncomplete}'
                    WHEN p.tax_form_status <> '{CreatorPayoutProfile.VerifiedTaxForm}' THEN '{ExclusionReasons.TaxFormNotVerified}'
               END AS reason
        FROM run_balances b
        JOIN unnest(@currencies, @minimums) AS m (currency, minimum) ON m.currency = b.currency
        LEFT JOIN creator_payout_profiles p ON p.creator_id = b.creator_id AND p.brand_id = @brand
        """, ct,
        new NpgsqlParameter("currencies", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = minimums.Keys.ToArray() },
        new NpgsqlParameter("minimums", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = minimums.Values.ToArray() });

    public Task<List<RunExclusion>> ExclusionsAsync(CancellationToken ct) => QueryAsync(
        "SELECT creator_id, currency::text, owed, reason FROM run_verdicts WHERE reason IS NOT NULL ORDER BY currency, creator_id",
        r => new RunExclusion(r.GetGuid(0), r.GetString(1), r.GetDecimal(2), r.GetString(3)), ct);

    public Task<List<Payable>> PayableAsync(CancellationToken ct) => QueryAsync(
        "SELECT currency::text, count(*)::int, sum(owed) FROM run_verdicts WHERE reason IS NULL GROUP BY currency ORDER BY currency",
        r => new Payable(r.GetString(0), r.GetInt32(1), r.GetDecimal(2)), ct);

    /// <summary>
    /// The lines of every batch, each moving its amount from the creator's available account to their
    /// in-payout account (created on first use) in its batch's transaction, and each line's set of the
    /// exact entries it settles. The batches and their transactions must exist already.
    /// </summary>
    public async Task PostLinesAsync(IReadOnlyList<BatchTarget> targets, CancellationToken ct)
    {
        var batches = new NpgsqlParameter[]
        {
            new("batch_currencies", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = targets.Select(t => t.Currency).ToArray() },
            new("batch_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = targets.Select(t => t.BatchId).ToArray() },
            new("transaction_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = targets.Select(t => t.TransactionId).ToArray() },
        };
        // A creator's first line opens their in-payout account: its id is chosen here and the account
        // inserted after, so one lookup serves both. Only runs open in-payout accounts (settlements and
        // voids use the one their line's run opened) and runs of a brand take turns, so no other
        // writer can open the same account meanwhile; if one did, its unique key would fail the run.
        await ExecuteAsync($"""
            CREATE TEMP TABLE run_lines ON COMMIT DROP AS
            SELECT ledger_uuid_v7(@now) AS id, x.batch_id, x.transaction_id, v.creator_id, v.currency, v.owed AS amount,
                   v.payee_reference, v.account_id AS available_account,
                   coalesce(p.id, ledger_uuid_v7(@now)) AS in_payout_account, p.id IS NULL AS opens_account
            FROM run_verdicts v
            JOIN unnest(@batch_currencies, @batch_ids, @transaction_ids) AS x (currency, batch_id, transaction_id) ON x.currency = v.currency
            LEFT JOIN ledger_accounts p ON p.brand_id = @brand AND p.kind = '{InPayout}' AND p.currency = v.currency AND p.creator_id = v.creator_id
            WHERE v.reason IS NULL
            """, ct, batches);
        await ExecuteAsync($"""
            INSERT INTO ledger_accounts (id, brand_id, currency, kind, creator_id, created_at)
            SELECT in_payout_account, @brand, currency, '{InPayout}', creator_id, @now
            FROM run_lines WHERE opens_account ORDER BY in_payout_account
            """, ct);
        await ExecuteAsync($"""
            INSERT INTO payout_lines (id, brand_id, batch_id, creator_id, currency, amount, payee_reference, status, transaction_id)
            SELECT id, @brand, batch_id, creator_id, currency, amount, payee_reference, '{SnakeCaseEnums.Name(LineStatus.InPayout)}', transaction_id
            FROM run_lines ORDER BY id
            """, ct);
        // Debits positive: the available credit balance is debited, the in-payout account credited.
        await ExecuteAsync("""
            INSERT INTO journal_entries (id, brand_id, transaction_id, account_id, currency, amount)
            SELECT ledger_uuid_v7(@now), @brand, transaction_id, available_account, currency, amount FROM run_lines
            UNION ALL
            SELECT ledger_uuid_v7(@now), @brand, transaction_id, in_payout_account, currency, -amount FROM run_lines
            """, ct);
        await ExecuteAsync("""
            INSERT INTO payout_line_entry_sets (line_id, brand_id, account_id, entry_ids)
            SELECT l.id, @brand, l.available_account, b.entry_ids
            FROM run_lines l JOIN run_balances b ON b.account_id = l.available_account
            ORDER BY l.id
            """, ct);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var command = await CommandAsync(sql, parameters, ct);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var command = await CommandAsync(sql, [], ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private async Task<NpgsqlCommand> CommandAsync(string sql, NpgsqlParameter[] parameters, CancellationToken ct)
    {
        // The runner's open transaction is on this connection; Npgsql enlists every command in it.
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        // Statements over a million rows outlast the default 30 s command timeout on a busy machine.
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.Parameters.Add(Parameter("brand", brandId));
        command.Parameters.Add(Parameter("now", now));
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Parameter(string name, Guid value) => new(name, NpgsqlDbType.Uuid) { Value = value };

    private static NpgsqlParameter Parameter(string name, DateTimeOffset value) => new(name, NpgsqlDbType.TimestampTz) { Value = value };
}
