using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AmbassadorNet.Persistence.Bulk;

/// <summary>
/// Writes the new rows of the given entity types with one statement per type instead of one per row,
/// when a save adds several of them inside the caller's transaction. EF sends each added row as its own
/// INSERT (batched in one round trip, but each parsed, planned, executed and firing its statement
/// triggers in PostgreSQL): a batch of 30 accruals was 150 statements and 80 trigger firings in
/// payouts (docs/benchmarks.md). Here each type's rows go in as <c>INSERT … SELECT FROM unnest(…)</c>
/// (<see cref="BulkInsertPlan"/>) just before EF saves the rest, and EF then takes them as saved.
/// </summary>
/// <remarks>
/// Only inside an explicit transaction: outside one, EF's own save is a transaction of its own that the
/// rows written here would not share. A failure of the statement surfaces as EF's would, a
/// <see cref="DbUpdateException"/> over the PostgreSQL error and the rows' entries, so callers that
/// catch a unique violation on save behave the same. Types with values the database generates are
/// refused when the plan is made: those values would never reach the entity. A save that fails after
/// these rows went in leaves them Unchanged in the tracker although the rollback removes them: as
/// everywhere here after a failed save, the transaction and its context are thrown away, never saved
/// again (decision 0011).
/// </remarks>
public sealed class BulkInsertInterceptor(params Type[] entityTypes) : SaveChangesInterceptor
{
    /// <summary>Fewer rows of a type than this go through EF as usual: one row gains nothing.</summary>
    public const int MinimumRows = 2;

    private readonly HashSet<Type> _types = [.. entityTypes];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is { } transaction)
        {
            foreach (var rows in AddedRowsByType(context))
            {
                await InsertAsync(context, transaction, rows, cancellationToken);
            }
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        result; // synchronous saves are rare here (tests, tools); they keep EF's row-by-row inserts

    private List<List<EntityEntry>> AddedRowsByType(DbContext context) =>
    [
        .. context.ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Added && _types.Contains(e.Metadata.ClrType))
            .GroupBy(e => e.Metadata)
            .Select(g => g.ToList())
            .Where(rows => rows.Count >= MinimumRows),
    ];

    private static async Task InsertAsync(DbContext context, IDbContextTransaction transaction, List<EntityEntry> rows, CancellationToken cancellationToken)
    {
        var plan = BulkInsertPlan.For(rows[0].Metadata);
        await using var command = plan.Command(rows);
        command.Connection = (NpgsqlConnection)context.Database.GetDbConnection();
        command.Transaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e)
        {
            throw new DbUpdateException($"Inserting {rows.Count} {rows[0].Metadata.DisplayName()} rows failed: {e.MessageText}", e, rows);
        }

        foreach (var row in rows)
        {
            row.State = EntityState.Unchanged; // written: EF inserts only what is still Added
        }
    }
}
