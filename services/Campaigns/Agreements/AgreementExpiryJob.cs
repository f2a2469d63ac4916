using AmbassadorNet.Campaigns.Domain.Agreements;
using AmbassadorNet.ServiceDefaults.Jobs;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Campaigns.Agreements;

/// <summary>
/// Every <see cref="AgreementOptions.ExpiryInterval"/>, expires the versions nobody accepted by their
/// deadline, brand by brand, one AgreementExpired each. Acceptance checks the deadline itself, so a late
/// pass never lets a creator accept too late; the job makes the state and the event true. Safe on every
/// replica at once: rows are taken FOR UPDATE SKIP LOCKED and re-checked, and the row's version guards the save.
/// </summary>
public sealed class AgreementExpiryJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AgreementOptions> options, ILogger<AgreementExpiryJob> logger)
    : PeriodicBrandJob(scopes, logger)
{
    protected override TimeSpan Interval => options.Value.ExpiryInterval;

    protected override async Task<IReadOnlyList<Guid>> BrandsWithWorkAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await services.GetRequiredService<CampaignsDbContext>().Agreements
            .IgnoreQueryFilters([BrandScopedDbContext.BrandFilter]) // spans brands on purpose: it only finds which have work
            .Where(a => a.Status == AgreementStatus.Sent && a.AcceptBy < now)
            .Select(a => a.BrandId).Distinct().ToListAsync(ct);
    }

    /// <summary>Batch after batch, each its own transaction, until fewer than a batch were due.</summary>
    protected override async Task RunForBrandAsync(IServiceProvider services, Guid brand, CancellationToken ct)
    {
        var db = services.GetRequiredService<CampaignsDbContext>();
        int expired;
        do
        {
            expired = await ExpireBatchAsync(db, brand, ct);
            db.ChangeTracker.Clear();
        }
        while (expired == options.Value.ExpiryBatchSize);
    }

    private async Task<int> ExpireBatchAsync(CampaignsDbContext db, Guid brand, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Agreements
            .FromSqlInterpolated($"SELECT * FROM agreements WHERE brand_id = {brand} AND status = 'sent' AND accept_by < {now} ORDER BY accept_by LIMIT {options.Value.ExpiryBatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        foreach (var agreement in due)
        {
            agreement.Expire(now);
            db.AddEvent(AgreementEventFactory.Expired(agreement), clock);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (due.Count > 0)
        {
            logger.LogInformation("Expired {Count} unaccepted agreement versions of brand {Brand}", due.Count, brand);
        }

        return due.Count;
    }
}
