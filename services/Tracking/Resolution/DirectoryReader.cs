using AmbassadorNet.ServiceDefaults.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AmbassadorNet.Tracking.Resolution;

/// <summary>
/// Reads what the in-memory directories hold, across all brands, with plain SQL: the redirect is
/// public and has no brand until the code names one, so it does not go through the brand-scoped
/// DbContext. Rows come back as the entity types, detached, and are never changed afterwards.
/// </summary>
public sealed class DirectoryReader(IOptions<DatabaseOptions> database)
{
    private const string LinkColumns =
        "SELECT l.code, l.id, l.brand_id, l.enrollment_id, l.campaign_id, l.creator_id, e.handle, e.status = 'active', l.active, l.post_id " +
        "FROM tracking_links l JOIN enrollment_replicas e ON e.enrollment_id = l.enrollment_id";

    private const string CampaignColumns =
        "SELECT campaign_id, brand_id, name, status, destination_url, allowed_domains, currency, attribution_window_days, version FROM campaign_replicas";

    private const string EnrollmentColumns = "SELECT enrollment_id, brand_id, campaign_id, creator_id, handle, status, version FROM enrollment_replicas";

    private const string PromoColumns =
        "SELECT id, brand_id, code, normalized_code, enrollment_id, campaign_id, creator_id, active, created_at, deactivated_at, post_id FROM promo_codes";

    public Task<List<(ResolvedLink Link, bool Active)>> AllLinksAsync(CancellationToken ct) => QueryAsync(LinkColumns + " WHERE l.active", null, Link, ct);

    public async Task<(ResolvedLink Link, bool Active)?> LinkAsync(string code, CancellationToken ct) =>
        (await QueryAsync(LinkColumns + " WHERE l.code = @p", code, Link, ct)).Cast<(ResolvedLink, bool)?>().FirstOrDefault();

    public Task<List<(ResolvedLink Link, bool Active)>> LinksOfEnrollmentAsync(Guid enrollmentId, CancellationToken ct) =>
        QueryAsync(LinkColumns + " WHERE l.enrollment_id = @p", enrollmentId, Link, ct);

    public Task<List<CampaignReplica>> AllCampaignsAsync(CancellationToken ct) => QueryAsync(CampaignColumns, null, Campaign, ct);

    public async Task<CampaignReplica?> CampaignAsync(Guid id, CancellationToken ct) =>
        (await QueryAsync(CampaignColumns + " WHERE campaign_id = @p", id, Campaign, ct)).FirstOrDefault();

    public Task<List<EnrollmentReplica>> AllEnrollmentsAsync(CancellationToken ct) => QueryAsync(EnrollmentColumns, null, Enrollment, ct);

    public async Task<EnrollmentReplica?> EnrollmentAsync(Guid id, CancellationToken ct) =>
        (await QueryAsync(EnrollmentColumns + " WHERE enrollment_id = @p", id, Enrollment, ct)).FirstOrDefault();

    /// <summary>Active codes only: an inactive one is read from the tables when an order names it.</summary>
    public Task<List<PromoCode>> AllActivePromosAsync(CancellationToken ct) => QueryAsync(PromoColumns + " WHERE active", null, Promo, ct);

    public async Task<PromoCode?> PromoAsync(Guid id, CancellationToken ct) => (await QueryAsync(PromoColumns + " WHERE id = @p", id, Promo, ct)).FirstOrDefault();

    /// <summary>Every brand's generation (see migration 0003); a brand without a row is at 0.</summary>
    public Task<List<(Guid BrandId, long Generation)>> GenerationsAsync(CancellationToken ct) =>
        QueryAsync("SELECT brand_id, generation FROM attribution_generations", null, r => (r.GetGuid(0), r.GetInt64(1)), ct);

    private static (ResolvedLink, bool) Link(NpgsqlDataReader r) =>
        (new ResolvedLink(r.GetGuid(1), r.GetGuid(2), r.GetString(0), r.GetGuid(3), r.GetGuid(4), r.GetGuid(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetBoolean(7),
            r.IsDBNull(9) ? null : r.GetGuid(9)),
            r.GetBoolean(8));

    private static CampaignReplica Campaign(NpgsqlDataReader r) => new()
    {
        CampaignId = r.GetGuid(0), BrandId = r.GetGuid(1), Name = r.GetString(2), Status = r.GetString(3), DestinationUrl = r.GetString(4),
        AllowedDomains = [.. r.GetFieldValue<string[]>(5)], Currency = r.GetString(6), AttributionWindowDays = r.GetInt32(7), Version = r.GetInt64(8),
    };

    private static EnrollmentReplica Enrollment(NpgsqlDataReader r) => new()
    {
        EnrollmentId = r.GetGuid(0), BrandId = r.GetGuid(1), CampaignId = r.GetGuid(2), CreatorId = r.GetGuid(3),
        Handle = r.IsDBNull(4) ? null : r.GetString(4), Status = r.GetString(5), Version = r.GetInt64(6),
    };

    private static PromoCode Promo(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0), BrandId = r.GetGuid(1), Code = r.GetString(2), NormalizedCode = r.GetString(3), EnrollmentId = r.GetGuid(4),
        CampaignId = r.GetGuid(5), CreatorId = r.GetGuid(6), Active = r.GetBoolean(7), CreatedAt = r.GetFieldValue<DateTimeOffset>(8),
        DeactivatedAt = r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9), PostId = r.IsDBNull(10) ? null : r.GetGuid(10),
    };

    private async Task<List<T>> QueryAsync<T>(string sql, object? parameter, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        var rows = new List<T>();
        await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("p", parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
