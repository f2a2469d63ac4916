using System.Runtime.CompilerServices;
using AmbassadorNet.Contracts.Audit;
using AmbassadorNet.Messaging.Outbox;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AmbassadorNet.Messaging.Audit;

/// <summary>
/// Writes one <see cref="AuditRecorded"/> for each save a request through the API makes, into the
/// service's outbox, in the save's own transaction: a change cannot commit without its audit record,
/// nor the record without the change. Saves outside a request (message handlers, jobs) and reads
/// record nothing.
/// </summary>
internal sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider clock, AuditedService service) : SaveChangesInterceptor
{
    /// <summary>The record added to a save that then failed, taken back before the save is tried again.</summary>
    private readonly ConditionalWeakTable<DbContext, EntityEntry> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget(eventData.Context, failed: false);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, failed: false);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context, failed: true);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, failed: true);
        return Task.CompletedTask;
    }

    private void Record(DbContext? db)
    {
        if (db is null || (AuditAttribution.Of(db) ?? AuditRequest.Of(http.HttpContext)) is not { } request)
        {
            return;
        }

        Forget(db, failed: true); // a retry of a failed save records what it saves now, once
        db.ChangeTracker.DetectChanges(); // SaveChanges detects changes only after its interceptors
        var changes = AuditedChanges.Of(db.ChangeTracker);
        if (changes.Count == 0)
        {
            return;
        }

        if (request.BrandOf(AuditedChanges.BrandsOf(db.ChangeTracker)) is not { } brand)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var id = db.AddEvent(new AuditRecorded(brand, now, service.Name, request.RequestId, request.Caller, request.Action, changes), clock);
        _pending.AddOrUpdate(db, db.ChangeTracker.Entries<OutboxMessage>().Single(e => e.Entity.Id == id));
    }

    private void Forget(DbContext? db, bool failed)
    {
        if (db is not null && _pending.TryGetValue(db, out var entry))
        {
            _pending.Remove(db);
            if (failed && entry.State == EntityState.Added)
            {
                entry.State = EntityState.Detached;
            }
        }
    }
}

/// <summary>The name of the service whose saves are audited ("creators").</summary>
internal sealed record AuditedService(string Name);
