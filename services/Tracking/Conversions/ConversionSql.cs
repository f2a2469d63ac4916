using AmbassadorNet.Commissions;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace AmbassadorNet.Tracking.Conversions;

/// <summary>The row is inserted with a statement EF cannot express: it yields to a concurrent twin, checks the attribution is not stale, and takes the month's rank.</summary>
internal static class ConversionSql
{
    /// <summary>What the insert did: stored the order (with its rank in the month when attributed), found the order id taken, or refused a stale attribution.</summary>
    public enum Outcome
    {
        Inserted,
        OrderIdTaken,
        StaleAttribution,
    }

    public readonly record struct Insert(Outcome Outcome, int? RankInMonth);

    /// <summary>
    /// Stores the order unless the brand already has this order id (the unique index decides, also
    /// under concurrency) or, when <paramref name="generation"/> is given, unless the brand's
    /// directory generation has passed it: the attribution then rests on memory that had not yet
    /// seen a committed change (migration 0003). An attributed order takes the next rank of its
    /// enrollment in the order's UTC month in the same statement: the counter's upsert locks its
    /// row until commit, so concurrent attributions of one enrollment take 1, 2, 3… in turn, and a
    /// rolled-back one (a lost twin included) gives its number back.
    /// </summary>
    public static async Task<Insert> TryInsertAsync(TrackingDbContext db, Conversion c, long? generation, CancellationToken ct)
    {
        await using var command = Command(db, """
            WITH fresh AS (
                SELECT $20::bigint IS NULL OR COALESCE((SELECT generation FROM attribution_generations WHERE brand_id = $2), 0) <= $20 AS ok),
            counter AS (
                INSERT INTO conversion_month_ranks (brand_id, enrollment_id, month, last_rank)
                SELECT $2, $13, $19, 1 WHERE $10 = 'attributed' AND (SELECT ok FROM fresh)
                ON CONFLICT (brand_id, enrollment_id, month) DO UPDATE SET last_rank = conversion_month_ranks.last_rank + 1
                RETURNING last_rank),
            inserted AS (
                INSERT INTO conversions (id, brand_id, order_id, amount, currency, ordered_at, click_id, promo_code, customer_id, status, method,
                                         reason, enrollment_id, campaign_id, creator_id, clicked_at, rank_in_month, flags, refunded_amount, recorded_at, post_id)
                SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, (SELECT last_rank FROM counter), $17, 0, $18, $21
                WHERE (SELECT ok FROM fresh)
                ON CONFLICT (brand_id, order_id) DO NOTHING
                RETURNING rank_in_month)
            SELECT (SELECT ok FROM fresh), EXISTS (SELECT 1 FROM inserted), (SELECT rank_in_month FROM inserted)
            """);
        Add(command, c.Id, NpgsqlDbType.Uuid);
        Add(command, c.BrandId, NpgsqlDbType.Uuid);
        Add(command, c.OrderId, NpgsqlDbType.Varchar);
        Add(command, c.Amount, NpgsqlDbType.Numeric);
        Add(command, c.Currency, NpgsqlDbType.Char);
        Add(command, c.OrderedAt, NpgsqlDbType.TimestampTz);
        Add(command, c.ClickId, NpgsqlDbType.Uuid);
        Add(command, c.PromoCode, NpgsqlDbType.Varchar);
        Add(command, c.CustomerId, NpgsqlDbType.Varchar);
        Add(command, c.Status, NpgsqlDbType.Varchar);
        Add(command, c.Method, NpgsqlDbType.Varchar);
        Add(command, c.Reason, NpgsqlDbType.Varchar);
        Add(command, c.EnrollmentId, NpgsqlDbType.Uuid);
        Add(command, c.CampaignId, NpgsqlDbType.Uuid);
        Add(command, c.CreatorId, NpgsqlDbType.Uuid);
        Add(command, c.ClickedAt, NpgsqlDbType.TimestampTz);
        Add(command, c.Flags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        Add(command, c.RecordedAt, NpgsqlDbType.TimestampTz);
        Add(command, CommissionRule.MonthOf(c.OrderedAt), NpgsqlDbType.Date);
        Add(command, generation, NpgsqlDbType.Bigint);
        Add(command, c.PostId, NpgsqlDbType.Uuid);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetBoolean(0), reader.GetBoolean(1)) switch
        {
            (false, _) => new Insert(Outcome.StaleAttribution, null),
            (true, false) => new Insert(Outcome.OrderIdTaken, null),
            _ => new Insert(Outcome.Inserted, await reader.IsDBNullAsync(2, ct) ? null : reader.GetInt32(2)),
        };
    }

    private static NpgsqlCommand Command(TrackingDbContext db, string sql) =>
        new(sql, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());

    private static void Add(NpgsqlCommand command, object? value, NpgsqlDbType type) =>
        command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = type });
}
