using AmbassadorNet.ServiceDefaults.Persistence;
using BuildingBlocks.Tests.Sample;
using Npgsql;

namespace BuildingBlocks.Tests.Persistence;

/// <summary>
/// What the services' pooled connections do with the statements they repeat
/// (<see cref="DatabaseRegistration.PooledConnectionSettings"/>), and the one cost docs/operations.md
/// promises for it: after a column is added, a prepared <c>SELECT *</c> fails once and works again.
/// </summary>
public sealed class PreparedStatementTests(SampleDatabaseFixture fixture) : IClassFixture<SampleDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_statement_run_twice_is_prepared_on_its_connection()
    {
        await using var connection = await OpenAsync();

        for (var i = 0; i < 3; i++)
        {
            await ScalarAsync(connection, "SELECT count(*) FROM sample_orders WHERE currency = 'EUR'");
        }

        var prepared = await ScalarAsync(connection, "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%sample_orders WHERE currency%'");
        Assert.Equal(1L, prepared);
    }

    [Fact]
    public async Task After_a_column_is_added_a_prepared_select_star_fails_once_then_is_prepared_again()
    {
        await using (var setup = await OpenAsync())
        {
            await ScalarAsync(setup, "CREATE TABLE IF NOT EXISTS widening (id int PRIMARY KEY); INSERT INTO widening VALUES (1) ON CONFLICT DO NOTHING; SELECT 1");
        }

        await using var connection = await OpenAsync();
        for (var i = 0; i < 3; i++)
        {
            await ReadRowAsync(connection);
        }

        await using (var migration = new NpgsqlConnection(fixture.Database.ConnectionString))
        {
            await migration.OpenAsync(Ct);
            await ScalarAsync(migration, "ALTER TABLE widening ADD COLUMN note text; SELECT 1");
        }

        var failure = await Assert.ThrowsAsync<PostgresException>(() => ReadRowAsync(connection));
        Assert.Equal(PostgresErrorCodes.FeatureNotSupported, failure.SqlState);
        Assert.Equal(2, await ReadRowAsync(connection));
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(DatabaseRegistration.PooledConnectionSettings(fixture.Database.ConnectionString));
        await connection.OpenAsync(Ct);
        return connection;
    }

    /// <summary>The number of columns a <c>SELECT *</c> of the table returned.</summary>
    private static async Task<int> ReadRowAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT * FROM widening WHERE id = 1", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        return reader.FieldCount;
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct);
    }
}
