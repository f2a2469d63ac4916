using AmbassadorNet.ServiceDefaults.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AmbassadorNet.Tracking.Resolution;

/// <summary>
/// Reads links and campaign routes across all brands with plain SQL: the redirect is public and has
/// no brand until the code names one, so it does not go through the brand-scoped DbContext.
/// </summary>
public sealed class DirectoryReader(IOptions<DatabaseOptions> database)
{
    private const string LinkColumns =
        "SELECT l.code, l.id, l.brand_id, l.enrollment_id, l.campaign_id, l.creator_id, e.handle, e.status = 'active', l.active " +
        "FROM tracking_links l JOIN enrollment_replicas e ON e.enrollment_id = l.enrollment_id";

    private const string CampaignColumns = "SELECT campaign_id, name, status, destination_url, allowed_domains FROM campaign_replicas";

    public Task<List<(ResolvedLink Link, bool Active)>> AllLinksAsync(CancellationToken ct) => LinksAsync(LinkColumns + " WHERE l.active", null, ct);

    public async Task<(ResolvedLink Link, bool Active)?> LinkAsync(string code, CancellationToken ct) =>
        (await LinksAsync(LinkColumns + " WHERE l.code = @p", code, ct)).Cast<(ResolvedLink, bool)?>().FirstOrDefault();

    public Task<List<(ResolvedLink Link, bool Active)>> LinksOfEnrollmentAsync(Guid enrollmentId, CancellationToken ct) =>
        LinksAsync(LinkColumns + " WHERE l.enrollment_id = @p", enrollmentId, ct);

    public Task<List<CampaignRoute>> AllCampaignsAsync(CancellationToken ct) => CampaignsAsync(CampaignColumns, null, ct);

    public async Task<CampaignRoute?> CampaignAsync(Guid id, CancellationToken ct) =>
        (await CampaignsAsync(CampaignColumns + " WHERE campaign_id = @p", id, ct)).FirstOrDefault();

    private async Task<List<(ResolvedLink, bool)>> LinksAsync(string sql, object? parameter, CancellationToken ct)
    {
        var links = new List<(ResolvedLink, bool)>();
        await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = Command(connection, sql, parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            links.Add((new ResolvedLink(reader.GetGuid(1), reader.GetGuid(2), reader.GetString(0), reader.GetGuid(3), reader.GetGuid(4), reader.GetGuid(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetBoolean(7)), reader.GetBoolean(8)));
        }

        return links;
    }

    private async Task<List<CampaignRoute>> CampaignsAsync(string sql, object? parameter, CancellationToken ct)
    {
        var campaigns = new List<CampaignRoute>();
        await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = Command(connection, sql, parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            campaigns.Add(new CampaignRoute(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<string[]>(4)));
        }

        return campaigns;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object? parameter)
    {
        var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("p", parameter);
        }

        return command;
    }
}
