using AmbassadorNet.Tracking.Domain;
using AmbassadorNet.Tracking.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace AmbassadorNet.Tracking.Conversions;

/// <summary>The two statements EF cannot express: an insert that yields to a concurrent twin, and the rank counter's upsert.</summary>
internal static class ConversionSql
{
    /// <summary>False when the brand already has this order id (the unique index decides, also under concurrency).</summary>
    public static async Task<bool> TryInsertAsync(TrackingDbContext db, Conversion c, CancellationToken ct)
    {
        await using var command = Command(db, """
            INSERT INTO conversions (id, brand_id, order_id, amount, currency, ordered_at, click_id, promo_code, customer_id, status, method,
                                     reason, enrollment_id, campaign_id, creator_id, clicked_at, rank_in_month, flags, refunded_amount, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, NULL, $17, 0, $18)
            ON CONFLICT (brand_id, order_id) DO NOTHING
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
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>
    /// The next rank of the enrollment in the order's UTC month, stamped on the conversion. The
    /// upsert locks the counter row until commit, so concurrent attributions of one enrollment
    /// take 1, 2, 3… in turn; a rolled-back attribution gives its number back.
    /// </summary>
    public static async Task<int> NextRankAsync(TrackingDbContext db, Conversion c, CancellationToken ct)
    {
        var ordered = c.OrderedAt.UtcDateTime;
        await using var command = Command(db, """
            WITH counter AS (
                INSERT INTO conversion_month_ranks (brand_id, enrollment_id, month, last_rank) VALUES ($1, $2, $3, 1)
                ON CONFLICT (brand_id, enrollment_id, month) DO UPDATE SET last_rank = conversion_month_ranks.last_rank + 1
                RETURNING last_rank)
            UPDATE conversions SET rank_in_month = (SELECT last_rank FROM counter) WHERE id = $4
            RETURNING rank_in_month
            """);
        Add(command, c.BrandId, NpgsqlDbType.Uuid);
        Add(command, c.EnrollmentId!.Value, NpgsqlDbType.Uuid);
        Add(command, new DateOnly(ordered.Year, ordered.Month, 1), NpgsqlDbType.Date);
        Add(command, c.Id, NpgsqlDbType.Uuid);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    private static NpgsqlCommand Command(TrackingDbContext db, string sql) =>
        new(sql, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());

    private static void Add(NpgsqlCommand command, object? value, NpgsqlDbType type) =>
        command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = type });
}
