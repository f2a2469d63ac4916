using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.ServiceDefaults.Idempotency;

/// <summary>
/// Deletes idempotency keys past Idempotency:Retention, in batches so one sweep never holds many row
/// locks. Every replica sweeps; deleting a row twice is harmless. An expired row the sweeper has not
/// reached yet is already ignored by <see cref="IdempotencyStore.TryClaimAsync"/>.
/// </summary>
internal sealed class IdempotencySweeper(IdempotencyStore store, TimeProvider clock, IOptions<IdempotencyOptions> options, ILogger<IdempotencySweeper> logger)
    : BackgroundService
{
    private const int Batch = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (store.HasDatabase && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                var expiredBefore = clock.GetUtcNow() - settings.Retention;
                int deleted;
                do
                {
                    deleted = await store.DeleteExpiredAsync(expiredBefore, Batch, stoppingToken);
                }
                while (deleted == Batch);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Sweeping expired idempotency keys failed; trying again in {SweepInterval}", settings.SweepInterval);
            }

            await Task.Delay(settings.SweepInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
