using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.TestKit.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BuildingBlocks.Tests.Persistence;

public sealed class SchemaMigratorTests
{
    private static readonly SqlMigration[] Scripts =
    [
        SqlMigration.FromFile("0001_create_counter.sql", "CREATE TABLE counter (n integer NOT NULL);"),
        // Not idempotent on purpose: applied twice, the table would hold two rows.
        SqlMigration.FromFile("0002_seed_counter.sql", "INSERT INTO counter (n) VALUES (1);"),
        SqlMigration.FromFile("0010_add_label.sql", "ALTER TABLE counter ADD COLUMN label text;"),
    ];

    private static SchemaMigrator Migrator => new(NullLogger<SchemaMigrator>.Instance);

    [Fact]
    public async Task Migrations_apply_exactly_once_when_many_replicas_start_at_the_same_time()
    {
        await using var database = await TestDatabase.CreateEmptyAsync("migrations");

        var reports = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Migrator.MigrateAsync(database.ConnectionString, Scripts))));

        Assert.Equal(3, reports.Sum(r => r.AppliedNow.Count));
        Assert.Equal(["0001", "0002", "0010"], reports.Single(r => r.AppliedNow.Count > 0).AppliedNow);
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT count(*) FROM counter"));
        Assert.Equal(3L, await ScalarAsync<long>(database, $"SELECT count(*) FROM {SchemaMigrator.HistoryTable}"));
    }

    [Fact]
    public async Task A_second_run_applies_only_new_scripts()
    {
        await using var database = await TestDatabase.CreateEmptyAsync("migrations");
        await Migrator.MigrateAsync(database.ConnectionString, Scripts[..2]);

        var report = await Migrator.MigrateAsync(database.ConnectionString, Scripts);

        Assert.Equal(2, report.AlreadyApplied);
        Assert.Equal(["0010"], report.AppliedNow);
    }

    [Fact]
    public async Task An_edited_script_that_was_already_applied_is_refused()
    {
        await using var database = await TestDatabase.CreateEmptyAsync("migrations");
        await Migrator.MigrateAsync(database.ConnectionString, Scripts);
        SqlMigration[] edited = [Scripts[0], SqlMigration.FromFile("0002_seed_counter.sql", "INSERT INTO counter (n) VALUES (2);"), Scripts[2]];

        var error = await Assert.ThrowsAsync<MigrationChecksumException>(() => Migrator.MigrateAsync(database.ConnectionString, edited));

        Assert.Contains("0002", error.Message);
        Assert.Equal(1, await ScalarAsync<int>(database, "SELECT n FROM counter"));
    }

    [Fact]
    public async Task A_failing_script_rolls_back_and_is_not_recorded()
    {
        await using var database = await TestDatabase.CreateEmptyAsync("migrations");
        SqlMigration[] broken = [Scripts[0], SqlMigration.FromFile("0002_half_done.sql", "INSERT INTO counter (n) VALUES (5); SELECT * FROM no_such_table;")];

        await Assert.ThrowsAsync<PostgresException>(() => Migrator.MigrateAsync(database.ConnectionString, broken));

        Assert.Equal(0L, await ScalarAsync<long>(database, "SELECT count(*) FROM counter"));
        Assert.Equal(["0001"], await ListAsync(database, $"SELECT version FROM {SchemaMigrator.HistoryTable}"));
    }

    [Fact]
    public void Embedded_scripts_are_found_and_ordered_by_number()
    {
        var migrations = EmbeddedMigrations.From(typeof(SchemaMigratorTests).Assembly);

        Assert.Equal(["0001", "0002"], migrations.Select(m => m.Version));
        Assert.Equal("create sample orders", migrations[0].Description);
    }

    [Theory]
    [InlineData("create_table.sql")]
    [InlineData("v1_create_table.sql")]
    [InlineData("_create_table.sql")]
    public void Badly_named_scripts_are_refused(string fileName)
    {
        Assert.Throws<FormatException>(() => SqlMigration.FromFile(fileName, "SELECT 1"));
    }

    [Fact]
    public void Line_endings_do_not_change_the_checksum()
    {
        Assert.Equal(
            SqlMigration.FromFile("0001_a.sql", "SELECT 1;\nSELECT 2;").Checksum,
            SqlMigration.FromFile("0001_a.sql", "SELECT 1;\r\nSELECT 2;").Checksum);
    }

    private static async Task<T> ScalarAsync<T>(TestDatabase database, string sql)
    {
        await using var connection = database.OpenConnection();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> ListAsync(TestDatabase database, string sql)
    {
        await using var connection = database.OpenConnection();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
