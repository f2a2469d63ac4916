using AmbassadorNet.Payouts.Persistence;
using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.TestKit.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Payouts.Tests;

/// <summary>Migration 0010 turns the links of a database that has them into one set per line, exactly.</summary>
public sealed class LineEntrySetMigrationTests
{
    private static readonly Guid Brand = Guid.CreateVersion7();

    [Fact]
    public async Task Every_link_ends_up_in_its_lines_set_on_the_lines_available_account_and_the_link_table_is_gone()
    {
        await using var database = await TestDatabase.CreateEmptyAsync("payouts_0010");
        var migrator = new SchemaMigrator(NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(database.ConnectionString, [.. PayoutsDbContext.Migrations.Where(m => m.Module is not null || int.Parse(m.Version) < 10)]);
        var (first, second) = (Creator(), Creator());
        var (firstLine, secondLine) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var (a, b, c) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await ExecuteAsync(database, $"""
            SET session_replication_role = replica; -- the ledger's own checks are not what this test is about
            INSERT INTO ledger_accounts VALUES
                ('{first.Available}', '{Brand}', 'USD', 'creator_available', '{first.Id}', now()),
                ('{first.Pending}', '{Brand}', 'USD', 'creator_pending', '{first.Id}', now()),
                ('{Guid.CreateVersion7()}', '{Brand}', 'EUR', 'creator_available', '{first.Id}', now()),
                ('{second.Available}', '{Brand}', 'USD', 'creator_available', '{second.Id}', now());
            INSERT INTO payout_lines (id, brand_id, batch_id, creator_id, currency, amount, payee_reference, status, transaction_id) VALUES
                ('{firstLine}', '{Brand}', gen_random_uuid(), '{first.Id}', 'USD', 30, 'p1', 'voided', gen_random_uuid()),
                ('{secondLine}', '{Brand}', gen_random_uuid(), '{second.Id}', 'USD', 5, 'p2', 'in_payout', gen_random_uuid());
            INSERT INTO payout_line_entries VALUES ('{c}', '{Brand}', '{firstLine}'), ('{a}', '{Brand}', '{firstLine}'), ('{b}', '{Brand}', '{secondLine}');
            """);

        var report = await migrator.MigrateAsync(database.ConnectionString, PayoutsDbContext.Migrations);

        Assert.Equal(["0010"], report.AppliedNow);
        Assert.Equal(
            new[] { (firstLine, first.Available, new[] { a, c }.Order().ToArray()), (secondLine, second.Available, new[] { b }) }.OrderBy(s => s.Item1),
            (await SetsAsync(database)).Select(s => (s.Line, s.Account, s.Entries.Order().ToArray())));
        Assert.Null(await ScalarAsync(database, "SELECT to_regclass('payout_line_entries')::text"));
    }

    [Fact]
    public async Task A_link_whose_line_has_no_available_account_stops_the_migration_and_changes_nothing()
    {
        await using var database = await TestDatabase.CreateEmptyAsync("payouts_0010_lost");
        var migrator = new SchemaMigrator(NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(database.ConnectionString, [.. PayoutsDbContext.Migrations.Where(m => m.Module is not null || int.Parse(m.Version) < 10)]);
        var line = Guid.CreateVersion7();
        await ExecuteAsync(database, $"""
            SET session_replication_role = replica;
            INSERT INTO payout_lines (id, brand_id, batch_id, creator_id, currency, amount, payee_reference, status, transaction_id)
            VALUES ('{line}', '{Brand}', gen_random_uuid(), gen_random_uuid(), 'USD', 5, 'p', 'paid', gen_random_uuid());
            INSERT INTO payout_line_entries VALUES (gen_random_uuid(), '{Brand}', '{line}');
            """);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => migrator.MigrateAsync(database.ConnectionString, PayoutsDbContext.Migrations));

        Assert.Equal("payout_line_entries did not convert into payout_line_entry_sets one for one", refused.MessageText);
        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM payout_line_entries"));
        Assert.Null(await ScalarAsync(database, "SELECT to_regclass('payout_line_entry_sets')::text"));
    }

    private static (Guid Id, Guid Available, Guid Pending) Creator() => (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

    private static async Task<List<(Guid Line, Guid Account, Guid[] Entries)>> SetsAsync(TestDatabase database)
    {
        await using var connection = database.OpenConnection();
        await using var command = new NpgsqlCommand("SELECT line_id, account_id, entry_ids FROM payout_line_entry_sets ORDER BY line_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var sets = new List<(Guid, Guid, Guid[])>();
        while (await reader.ReadAsync())
        {
            sets.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<Guid[]>(2)));
        }

        return sets;
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = database.OpenConnection();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = database.OpenConnection();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }
}
