using Npgsql;

namespace AmbassadorNet.Persistence.MigrationRunner;

/// <summary>Creates and drops whole databases, through the server's maintenance database.</summary>
public static class DatabaseAdmin
{
    public static async Task<bool> CreateIfMissingAsync(string connectionString, string? template = null, CancellationToken cancellationToken = default)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        await using var connection = await OpenMaintenanceAsync(connectionString, cancellationToken);
        if (await ExistsAsync(connection, database, cancellationToken))
        {
            return false;
        }

        var sql = $"CREATE DATABASE {Quote(database)}" + (template is null ? "" : $" TEMPLATE {Quote(template)}");
        try
        {
            await using var create = new NpgsqlCommand(sql, connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            return false; // another process created it between our check and our create
        }
    }

    public static async Task DropIfExistsAsync(string connectionString, string database, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenMaintenanceAsync(connectionString, cancellationToken);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Quote(database)} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<bool> ExistsAsync(NpgsqlConnection maintenance, string database, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", maintenance);
        exists.Parameters.Add(new NpgsqlParameter { Value = database });
        return await exists.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public static async Task<NpgsqlConnection> OpenMaintenanceAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
