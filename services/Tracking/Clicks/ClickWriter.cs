using Microsoft.Extensions.Options;

namespace AmbassadorNet.Tracking.Clicks;

/// <summary>
/// Drains <see cref="ClickBuffer"/> in batches: up to ClickBatchSize clicks, or whatever arrived
/// within ClickFlushInterval of the first, go to the database in one transaction with their
/// ClicksCounted events (<see cref="ClickBatchStore"/>). A failed batch is kept and retried, so the
/// only clicks a crash can lose are those still in memory. Stopping completes the buffer and waits
/// until every queued click is written: a graceful stop loses nothing.
/// </summary>
public sealed class ClickWriter(ClickBuffer buffer, ClickBatchStore store, RedirectStats stats, IOptions<TrackingOptions> options, ILogger<ClickWriter> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _abort = new();
    private Task? _running;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _running = Task.Run(() => RunAsync(_abort.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Runs after the web server stopped taking requests (it stops first); gives up only when the host's shutdown timeout fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        buffer.Complete();
        if (_running is null)
        {
            return;
        }

        try
        {
            await _running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogError("Shutdown timeout: {Pending} clicks were not written", buffer.Pending);
            await _abort.CancelAsync();
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var batch = new List<Click>(options.Value.ClickBatchSize);
        try
        {
            while (await buffer.Reader.WaitToReadAsync(ct))
            {
                await FillAsync(batch, ct);
                await WriteWithRetryAsync(batch, ct);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            logger.LogError("Click writer aborted with {Clicks} clicks in its batch", batch.Count);
        }
    }

    /// <summary>Takes what is there; if the batch is not full, waits up to the flush interval for more.</summary>
    private async Task FillAsync(List<Click> batch, CancellationToken ct)
    {
        var size = options.Value.ClickBatchSize;
        using var flush = CancellationTokenSource.CreateLinkedTokenSource(ct);
        flush.CancelAfter(options.Value.ClickFlushInterval);
        while (batch.Count < size)
        {
            while (batch.Count < size && buffer.Reader.TryRead(out var click))
            {
                batch.Add(click);
            }

            if (batch.Count >= size)
            {
                return;
            }

            try
            {
                if (!await buffer.Reader.WaitToReadAsync(flush.Token))
                {
                    return; // completed: write what we have
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return; // the flush interval passed
            }
        }
    }

    private async Task WriteWithRetryAsync(List<Click> batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.WriteAsync(batch, ct);
                stats.BatchStored(batch.Count);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var delay = TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, Math.Min(attempt, 6))));
                logger.LogWarning(e, "Writing {Clicks} clicks failed (attempt {Attempt}); retrying in {Delay}", batch.Count, attempt, delay);
                await Task.Delay(delay, ct);
            }
        }
    }

    public void Dispose() => _abort.Dispose();
}
