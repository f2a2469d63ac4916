using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AmbassadorNet.Persistence.MigrationRunner;

/// <summary>
/// Applies a service's SQL scripts to its database exactly once, however many replicas start at
/// the same moment: a session-level advisory lock serialises runners, a history table records what
/// was applied, and a checksum catches a script edited after it shipped.
/// </summary>
public sealed class SchemaMigrator(ILogger<SchemaMigrator> logger)
{
    public const string HistoryTable = "__schema_history";

    // Any constant works as long as every runner of every service uses the same one per database.
    private const long AdvisoryLockKey = 0x616D625F6D696772; // "amb_migr"

    public async Task<MigrationReport> MigrateAsync(
        string connectionString, IReadOnlyList<SqlMigration> migrations, CancellationToken cancellationToken = default)
    {
        // A dedicated, unpooled connection: the advisory lock belongs to this session and must die with it.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, CreateHistoryTableSql, cancellationToken);
            var applied = await ReadHistoryAsync(connection, cancellationToken);
            VerifyChecksums(migrations, applied);

            var pending = migrations.Where(m => !applied.ContainsKey(m.Key)).ToList();
            foreach (var migration in pending)
            {
                await ApplyAsync(connection, migration, cancellationToken);
            }

            return new MigrationReport(migrations.Count - pending.Count, pending.Select(m => m.Key).ToList());
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, SqlMigration migration, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction))
        {
            await script.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var record = new NpgsqlCommand(
            $"INSERT INTO {HistoryTable} (version, description, checksum, execution_ms) VALUES ($1, $2, $3, $4)",
            connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Key });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Description });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
            record.Parameters.Add(new NpgsqlParameter { Value = (int)stopwatch.ElapsedMilliseconds });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Applied migration {Version} ({Description}) in {ElapsedMs} ms",
            migration.Key, migration.Description, stopwatch.ElapsedMilliseconds);
    }

    private void VerifyChecksums(IReadOnlyList<SqlMigration> migrations, IReadOnlyDictionary<string, string> applied)
    {
        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Key, out var checksum) && checksum != migration.Checksum)
            {
                throw new MigrationChecksumException(migration.Key, checksum, migration.Checksum);
            }
        }

        var known = migrations.Select(m => m.Key).ToHashSet();
        if (known.Count != migrations.Count)
        {
            throw new InvalidOperationException("Two migrations share a version; each script needs its own number.");
        }

        foreach (var version in applied.Keys.Where(v => !known.Contains(v)))
        {
            // A newer release already migrated this database; old code keeps running during a rollout.
            logger.LogWarning("Database has migration {Version}, which this build does not know", version);
        }
    }

    private static async Task<Dictionary<string, string>> ReadHistoryAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand($"SELECT version, checksum FROM {HistoryTable}", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0), reader.GetString(1));
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string CreateHistoryTableSql = $"""
        CREATE TABLE IF NOT EXISTS {HistoryTable} (
            version      text        PRIMARY KEY,
            description  text        NOT NULL,
            checksum     text        NOT NULL,
            applied_at   timestamptz NOT NULL DEFAULT now(),
            execution_ms integer     NOT NULL
        )
        """;
}
