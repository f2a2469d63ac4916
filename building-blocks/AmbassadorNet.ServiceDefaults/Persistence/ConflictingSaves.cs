using AmbassadorNet.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AmbassadorNet.ServiceDefaults.Persistence;

/// <summary>Saving where the database's refusals are the client's conflict: a 409 in words it can act on, not a 500.</summary>
public static class ConflictingSaves
{
    /// <param name="concurrentChange">What a client is told when another request changed the row first (a concurrency token).</param>
    /// <param name="uniqueIndexes">What it is told when a row would duplicate another, by the name of the unique index.</param>
    public static async Task SaveOrConflictAsync(
        this DbContext db, string concurrentChange, IReadOnlyDictionary<string, string> uniqueIndexes, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(concurrentChange);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw new ConflictException(unique.ConstraintName is { } index && uniqueIndexes.TryGetValue(index, out var duplicate)
                ? duplicate
                : "This would duplicate an existing record.");
        }
    }
}
