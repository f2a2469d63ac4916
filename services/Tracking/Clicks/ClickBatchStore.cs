using AmbassadorNet.Contracts.Tracking;
using AmbassadorNet.SharedKernel;
using Npgsql;
using NpgsqlTypes;

namespace AmbassadorNet.Tracking.Clicks;

/// <summary>
/// Writes one batch of clicks in one transaction: the rows by binary COPY, and per brand one
/// ClicksCounted outbox event counting exactly those clicks, its batch id stored on each of them.
/// Both commit or neither does, so every stored click is counted once and every count has its rows.
/// </summary>
public sealed class ClickBatchStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task WriteAsync(IReadOnlyList<Click> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackingDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One batch id per brand; a retried batch gets new ones (nothing of the failed attempt committed).
        var brands = batch.GroupBy(c => c.BrandId).Select(g => (BrandId: g.Key, BatchId: Ids.New(clock), Clicks: g.ToList())).ToList();
        foreach (var (_, batchId, clicks) in brands)
        {
            clicks.ForEach(click => click.BatchId = batchId);
        }

        await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), batch, ct);
        foreach (var (brandId, batchId, clicks) in brands)
        {
            // The outbox row is not brand-owned, so this cross-brand writer can add it without a brand scope.
            db.AddEvent(new ClicksCounted(brandId, clock.GetUtcNow(), batchId, ClickCounts.Of(clicks)), clock);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<Click> batch, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY clicks (id, brand_id, link_id, enrollment_id, campaign_id, creator_id, clicked_at, ip_hash, user_agent, referrer_host, is_bot, is_duplicate, is_attributable, post_id, batch_id) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var c in batch)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(c.Id, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(c.BrandId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(c.LinkId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(c.EnrollmentId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(c.CampaignId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(c.CreatorId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(c.ClickedAt, NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(c.IpHash, NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(importer, c.UserAgent, ct);
            await WriteNullableAsync(importer, c.ReferrerHost, ct);
            await importer.WriteAsync(c.IsBot, NpgsqlDbType.Boolean, ct);
            await importer.WriteAsync(c.IsDuplicate, NpgsqlDbType.Boolean, ct);
            await importer.WriteAsync(c.IsAttributable, NpgsqlDbType.Boolean, ct);
            await (c.PostId is { } post ? importer.WriteAsync(post, NpgsqlDbType.Uuid, ct) : importer.WriteNullAsync(ct));
            await importer.WriteAsync(c.BatchId!.Value, NpgsqlDbType.Uuid, ct);
        }

        await importer.CompleteAsync(ct);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken ct) =>
        value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(value, NpgsqlDbType.Varchar, ct);
}
