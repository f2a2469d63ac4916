using System.Collections.Concurrent;
using AmbassadorNet.Persistence.MigrationRunner;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AmbassadorNet.TestKit.Postgres;

/// <summary>
/// One migrated template database per service and migration set, built once per test run; each test
/// class then gets a copy (CREATE DATABASE ... TEMPLATE), which takes milliseconds instead of
/// re-running every script. The name carries a hash of the scripts, so an edited migration builds a
/// new template rather than reusing a stale one.
/// </summary>
public static class TemplateDatabases
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Templates = new();

    public static Task<string> GetAsync(string service, IReadOnlyList<SqlMigration> migrations)
    {
        var fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join("|", migrations.Select(m => m.Version + ":" + m.Checksum)))))[..10];
        var name = $"{TestServers.NamePrefix}tpl_{service.ToLowerInvariant()}_{fingerprint}";
        return Templates.GetOrAdd(name, _ => new Lazy<Task<string>>(() => BuildAsync(name, migrations))).Value;
    }

    private static async Task<string> BuildAsync(string name, IReadOnlyList<SqlMigration> migrations)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = name, Pooling = false }.ConnectionString;
        await DatabaseAdmin.CreateIfMissingAsync(connectionString);
        // Idempotent: if another test process built the template already, this applies nothing.
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(connectionString, migrations);
        return name;
    }
}
