using AmbassadorNet.ServiceDefaults.Jobs;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Payouts.Ledger;

/// <summary>
/// Every <see cref="PayoutsOptions.ReleaseInterval"/>, releases the commission whose holding period
/// is over, brand by brand (each brand in a scope of its own, so the brand filter still guards every
/// row). Safe on every replica at once: see <see cref="Releaser"/>.
/// </summary>
public sealed class ReleaseJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<PayoutsOptions> options, ILogger<ReleaseJob> logger)
    : PeriodicBrandJob(scopes, logger)
{
    public const string JobName = "release-job";

    protected override TimeSpan Interval => options.Value.ReleaseInterval;

    protected override async Task<IReadOnlyList<Guid>> BrandsWithWorkAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await services.GetRequiredService<PayoutsDbContext>().Accruals
            .IgnoreQueryFilters([BrandScopedDbContext.BrandFilter]) // spans brands on purpose: it only finds which have work
            .Where(a => a.ReleasedAt == null && a.ReleasableAt <= now)
            .Select(a => a.BrandId).Distinct().ToListAsync(ct);
    }

    protected override async Task RunForBrandAsync(IServiceProvider services, Guid brand, CancellationToken ct)
    {
        var summary = await services.GetRequiredService<Releaser>().ReleaseDueAsync(CausedBy.ScheduledJob(JobName), ct);
        logger.LogInformation("Released {Count} accruals of brand {Brand}", summary.Count, brand);
    }
}
