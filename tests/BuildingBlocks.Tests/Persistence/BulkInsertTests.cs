using AmbassadorNet.Persistence.Bulk;
using AmbassadorNet.Persistence.Tenancy;
using BuildingBlocks.Tests.Sample;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BuildingBlocks.Tests.Persistence;

/// <summary>
/// <see cref="BulkInsertInterceptor"/>: the new rows of a type saved together inside a transaction go
/// in as one statement (counted by a statement-level trigger), with the values EF would have written,
/// and a failure is EF's <see cref="DbUpdateException"/> that leaves nothing behind.
/// </summary>
public sealed class BulkInsertTests(SampleDatabaseFixture fixture) : IClassFixture<SampleDatabaseFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            """
            CREATE TABLE IF NOT EXISTS insert_statements (brand_id uuid NOT NULL);
            CREATE OR REPLACE FUNCTION count_insert_statement() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO insert_statements SELECT DISTINCT brand_id FROM inserted;
                RETURN NULL;
            END $$;
            DROP TRIGGER IF EXISTS sample_orders_statements ON sample_orders;
            CREATE TRIGGER sample_orders_statements AFTER INSERT ON sample_orders
                REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION count_insert_statement();
            """, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Rows_saved_together_in_a_transaction_are_one_statement_with_every_value_as_EF_writes_it()
    {
        var brand = Guid.CreateVersion7();
        var orders = Enumerable.Range(1, 10).Select(i => Order($"B-{i}", 10.1234m * i, i % 2 == 0 ? null : $"note {i}")).ToList();
        orders[0].Lines.Add(new SampleOrderLine { Id = Guid.CreateVersion7(), Sku = "SKU-1", Quantity = 2 });

        await using (var db = Context(brand))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.Orders.AddRange(orders);
            await db.SaveChangesAsync(Ct);
            await transaction.CommitAsync(Ct);
            Assert.All(db.ChangeTracker.Entries<SampleOrder>(), e => Assert.Equal(EntityState.Unchanged, e.State));
        }

        Assert.Equal(1, await StatementsAsync(brand));
        await using var reader = SampleDbContext.ForBrand(fixture.Database, brand);
        var stored = await reader.Orders.Include(o => o.Lines).OrderBy(o => o.Amount).ToListAsync(Ct);
        Assert.Equal(orders.Select(o => (o.Id, o.Reference, o.Amount, o.Currency, o.PlacedAt, o.Note, brand)),
            stored.Select(o => (o.Id, o.Reference, o.Amount, o.Currency, o.PlacedAt, o.Note, o.BrandId)));
        Assert.Equal("SKU-1", Assert.Single(stored[0].Lines).Sku);
    }

    [Fact]
    public async Task Outside_a_transaction_EF_inserts_them_as_it_always_did()
    {
        var brand = Guid.CreateVersion7();

        await using (var db = Context(brand))
        {
            db.Orders.AddRange(Order("C-1", 1m), Order("C-2", 2m), Order("C-3", 3m));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(3, await StatementsAsync(brand));
    }

    [Fact]
    public async Task A_unique_violation_is_EFs_DbUpdateException_and_nothing_is_written()
    {
        var brand = Guid.CreateVersion7();

        await using var db = Context(brand);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        db.Orders.AddRange(Order("D-1", 1m), Order("D-2", 2m), Order("D-1", 3m));
        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        await transaction.RollbackAsync(Ct);

        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(failure.InnerException).SqlState);
        Assert.Equal(3, failure.Entries.Count);
        await using var reader = SampleDbContext.ForBrand(fixture.Database, brand);
        Assert.Equal(0, await reader.Orders.CountAsync(Ct));
    }

    [Fact]
    public async Task A_type_with_a_foreign_key_is_refused_because_its_principal_may_not_be_there_yet()
    {
        var brand = Guid.CreateVersion7();
        var order = Order("E-1", 1m);
        order.Lines.AddRange([new SampleOrderLine { Id = Guid.CreateVersion7(), Sku = "A", Quantity = 1 }, new SampleOrderLine { Id = Guid.CreateVersion7(), Sku = "B", Quantity = 1 }]);

        await using var db = Context(brand, typeof(SampleOrderLine));
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        db.Orders.Add(order);
        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => db.SaveChangesAsync(Ct));

        Assert.Contains("foreign keys", refused.Message);
    }

    private SampleDbContext Context(Guid brand, params Type[] bulk)
    {
        var scope = new BrandScope();
        scope.Set(brand);
        var options = new DbContextOptionsBuilder<SampleDbContext>()
            .UseNpgsql(fixture.Database.ConnectionString)
            .AddInterceptors(new BulkInsertInterceptor(bulk.Length == 0 ? [typeof(SampleOrder)] : bulk))
            .Options;
        return new SampleDbContext(options, scope);
    }

    private static SampleOrder Order(string reference, decimal amount, string? note = null) =>
        new() { Id = Guid.CreateVersion7(), Reference = reference, Amount = amount, Currency = "EUR", PlacedAt = Noon, Note = note };

    private async Task<long> StatementsAsync(Guid brand)
    {
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM insert_statements WHERE brand_id = $1", connection) { Parameters = { new() { Value = brand } } };
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
