using AmbassadorNet.Persistence.MigrationRunner;
using Npgsql;

namespace AmbassadorNet.TestKit.Postgres;

/// <summary>
/// A database of one test class: a copy of the service's migrated template with a small pool.
/// Disposal clears the pool and drops the database WITH (FORCE), so a crashed test leaves nothing
/// holding connections.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string service, IReadOnlyList<SqlMigration> migrations)
    {
        var template = await TemplateDatabases.GetAsync(service, migrations);
        var database = NewDatabase(service);
        await CreateFromTemplateAsync(database.ConnectionString, template);
        return database;
    }

    /// <summary>An empty database with no migrations, for tests of the migration runner itself.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(string purpose)
    {
        var database = NewDatabase(purpose);
        await DatabaseAdmin.CreateIfMissingAsync(database.ConnectionString);
        return database;
    }

    private static TestDatabase NewDatabase(string purpose)
    {
        // PostgreSQL cuts identifiers at 63 bytes; a cut name could collide, so refuse long purposes.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(purpose.Length, 20, nameof(purpose));
        var name = $"{TestServers.NamePrefix}{purpose.ToLowerInvariant()}_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(TestServers.Postgres)
        {
            Database = name,
            MaxPoolSize = TestServers.PoolSize,
            IncludeErrorDetail = true,
        }.ConnectionString;
        return new TestDatabase(name, connectionString);
    }

    public NpgsqlConnection OpenConnection()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        await DatabaseAdmin.DropIfExistsAsync(TestServers.Postgres, Name);
    }

    private static async Task CreateFromTemplateAsync(string connectionString, string template)
    {
        // Copying needs the template to have no sessions; another class's copy in the same instant
        // is fine, but a template still being released by its builder can refuse us briefly.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await DatabaseAdmin.CreateIfMissingAsync(connectionString, template);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }
}
