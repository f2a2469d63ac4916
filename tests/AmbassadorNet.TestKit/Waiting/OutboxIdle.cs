using Npgsql;

namespace AmbassadorNet.TestKit.Waiting;

/// <summary>
/// Idle when a service's outbox has dispatched every row. While busy its name says how many rows
/// wait, how often the oldest was tried and why it last failed, so a wait that times out tells a slow
/// dispatcher (attempts rising, a broker error) from a stalled one (attempts not rising, no error).
/// </summary>
public sealed class OutboxIdle(string name, string connectionString) : IQuiescenceProbe
{
    private const string PendingSql = """
        SELECT count(*), coalesce(max(attempts), 0), (array_agg(last_error ORDER BY created_at))[1]
        FROM outbox_messages WHERE dispatched_at IS NULL
        """;

    private string _lastReading = "";

    public string Name => name + _lastReading;

    public async Task<bool> IsIdleAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(PendingSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (waiting, attempts) = (reader.GetInt64(0), reader.GetInt32(1));
        var error = reader.IsDBNull(2) ? "none" : reader.GetString(2);
        _lastReading = waiting == 0 ? "" : $" ({waiting} rows waiting, up to {attempts} attempts, the oldest's last error: {error})";
        return waiting == 0;
    }
}
