using AmbassadorNet.Persistence.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AmbassadorNet.ServiceDefaults.Jobs;

/// <summary>
/// A job that wakes every <see cref="Interval"/>, asks which brands have work (the one query allowed to
/// span brands) and does it brand by brand, each in a scope of its own whose brand filter guards every
/// row. A failed pass is logged and the next one retries; the work itself must be safe to run on every
/// replica at once (row locks, unique keys), since every replica runs the job.
/// </summary>
public abstract partial class PeriodicBrandJob(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>The brands with work now; <paramref name="services"/> is a scope with no brand set.</summary>
    protected abstract Task<IReadOnlyList<Guid>> BrandsWithWorkAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>The work of one brand; <paramref name="services"/> is a scope acting for it.</summary>
    protected abstract Task RunForBrandAsync(IServiceProvider services, Guid brand, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, e, GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> brands;
        await using (var scope = scopes.CreateAsyncScope())
        {
            brands = await BrandsWithWorkAsync(scope.ServiceProvider, cancellationToken);
        }

        foreach (var brand in brands)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<BrandScope>().Set(brand);
            await RunForBrandAsync(scope.ServiceProvider, brand, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass of {Job} failed; the next one retries")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, string job);
}
