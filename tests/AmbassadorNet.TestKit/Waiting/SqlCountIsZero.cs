using Npgsql;

namespace AmbassadorNet.TestKit.Waiting;

/// <summary>Idle when a count query returns zero, e.g. the outbox rows not yet delivered.</summary>
public sealed class SqlCountIsZero(string name, string connectionString, string countSql) : IQuiescenceProbe
{
    public string Name => name;

    public async Task<bool> IsIdleAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(countSql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }
}
