namespace AmbassadorNet.Webhooks.Delivery;

/// <summary>
/// Sends due deliveries: claims a batch, sends each concurrently, records each result, and polls
/// again when a batch was not full. Ordering is not promised (retries overtake, batches run in
/// parallel); receivers order by the event's own version or time and dedupe by webhook-id.
/// </summary>
public sealed class DeliveryWorker(
    DeliveryClaims claims, DeliverySender sender, AttemptRecorder recorder, TimeProvider clock,
    IOptions<WebhookOptions> options, ILogger<DeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await claims.ClaimAsync(stoppingToken);
                await Task.WhenAll(batch.Select(claim => DeliverAsync(claim, stoppingToken)));
                if (batch.Count < settings.BatchSize)
                {
                    await Task.Delay(settings.PollInterval, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // claimed rows keep their lease and come back when it expires
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Webhook delivery round failed; trying again in {PollInterval}", settings.PollInterval);
                await Task.Delay(settings.PollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task DeliverAsync(ClaimedDelivery claim, CancellationToken stoppingToken)
    {
        if (claim.Subscription is null)
        {
            await recorder.CancelAsync(claim, stoppingToken);
            return;
        }

        var result = await sender.SendAsync(claim.Delivery, claim.Subscription, stoppingToken);
        // The receiver has answered: record even if shutdown began meanwhile, so a delivered message is not sent again needlessly.
        await recorder.RecordAsync(claim, result, CancellationToken.None);
    }
}
