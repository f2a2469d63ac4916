using Microsoft.Extensions.Options;

namespace AmbassadorNet.Payouts.Ledger;

/// <summary>
/// Every <see cref="PayoutsOptions.ReleaseInterval"/>, releases the commission whose holding period
/// is over, brand by brand (each brand in a scope of its own, so the brand filter still guards every
/// row). Safe on every replica at once: see <see cref="Releaser"/>.
/// </summary>
public sealed class ReleaseJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<PayoutsOptions> options, ILogger<ReleaseJob> logger) : BackgroundService
{
    public const string JobName = "release-job";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReleaseInterval);
        do
        {
            try
            {
                await ReleaseEveryBrandAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "The release pass failed; the next one retries");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ReleaseEveryBrandAsync(CancellationToken ct)
    {
        List<Guid> brands;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = clock.GetUtcNow();
            brands = await scope.ServiceProvider.GetRequiredService<PayoutsDbContext>().Accruals
                .IgnoreQueryFilters([BrandScopedDbContext.BrandFilter]) // spans brands on purpose: it only finds which have work
                .Where(a => a.ReleasedAt == null && a.ReleasableAt <= now)
                .Select(a => a.BrandId).Distinct().ToListAsync(ct);
        }

        foreach (var brand in brands)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<BrandScope>().Set(brand);
            var summary = await scope.ServiceProvider.GetRequiredService<Releaser>().ReleaseDueAsync(CausedBy.ScheduledJob(JobName), ct);
            logger.LogInformation("Released {Count} accruals of brand {Brand}", summary.Count, brand);
        }
    }
}
