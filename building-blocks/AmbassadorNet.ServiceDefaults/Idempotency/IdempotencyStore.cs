using AmbassadorNet.ServiceDefaults.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AmbassadorNet.ServiceDefaults.Idempotency;

/// <summary>
/// The idempotency_keys table, used outside the request's own DbContext: the key is claimed in its
/// own committed statement before the command runs, which is what makes two concurrent requests with
/// one key run the command once.
/// </summary>
internal sealed class IdempotencyStore(IOptions<DatabaseOptions> options)
{
    /// <summary>False in a host built without a database (some tests): nothing to sweep.</summary>
    public bool HasDatabase => !string.IsNullOrEmpty(options.Value.ConnectionString);

    /// <summary>Claims the key for this request; a row created before <paramref name="expiredBefore"/> is past its retention and is taken over as if absent.</summary>
    public async Task<bool> TryClaimAsync(Guid brand, string key, string requestHash, DateTimeOffset now, DateTimeOffset expiredBefore, CancellationToken cancellationToken)
    {
        return await ExecuteAsync("""
            INSERT INTO idempotency_keys (brand_id, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (brand_id, key) DO UPDATE
            SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at, completed_at = NULL,
                status_code = NULL, content_type = NULL, location = NULL, response_body = NULL
            WHERE idempotency_keys.created_at < $5
            """, cancellationToken, brand, key, requestHash, now, expiredBefore) == 1;
    }

    public async Task<IdempotencyRecord?> FindAsync(Guid brand, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT request_hash, created_at, completed_at, status_code, content_type, location, response_body
            FROM idempotency_keys WHERE brand_id = $1 AND key = $2
            """, brand, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new IdempotencyRecord
        {
            BrandId = brand,
            Key = key,
            RequestHash = reader.GetString(0),
            CreatedAt = reader.GetFieldValue<DateTimeOffset>(1),
            CompletedAt = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
            StatusCode = reader.IsDBNull(3) ? null : reader.GetInt32(3),
            ContentType = reader.IsDBNull(4) ? null : reader.GetString(4),
            Location = reader.IsDBNull(5) ? null : reader.GetString(5),
            ResponseBody = reader.IsDBNull(6) ? null : reader.GetFieldValue<byte[]>(6),
        };
    }

    public Task CompleteAsync(IdempotencyRecord response, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE idempotency_keys
            SET completed_at = $3, status_code = $4, content_type = $5, location = $6, response_body = $7
            WHERE brand_id = $1 AND key = $2
            """, cancellationToken, response.BrandId, response.Key, now, response.StatusCode, response.ContentType, response.Location, response.ResponseBody);

    /// <summary>Deletes at most <paramref name="batch"/> keys created before <paramref name="expiredBefore"/>; returns how many.</summary>
    public Task<int> DeleteExpiredAsync(DateTimeOffset expiredBefore, int batch, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            DELETE FROM idempotency_keys WHERE (brand_id, key) IN
                (SELECT brand_id, key FROM idempotency_keys WHERE created_at < $1 LIMIT $2)
            """, cancellationToken, expiredBefore, batch);

    /// <summary>Releases a key whose command failed on our side, so the client's retry runs it again.</summary>
    public Task ForgetAsync(Guid brand, string key, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM idempotency_keys WHERE brand_id = $1 AND key = $2", cancellationToken, brand, key);

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(options.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
