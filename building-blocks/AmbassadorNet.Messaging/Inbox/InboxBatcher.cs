using System.Threading.Channels;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.Messaging.Tracing;
using AmbassadorNet.Persistence.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AmbassadorNet.Messaging.Inbox;

/// <summary>
/// Group commit for one handler's queue. The endpoint delivers several messages at once; each
/// consumer hands its message here and waits. The batcher gathers them (up to
/// <see cref="BatchSettings.MessageLimit"/>, for at most <see cref="BatchSettings.TimeLimitMs"/> after
/// the first) and applies each brand's share in one transaction: one inbox insert, one save, one
/// commit. Only then does each consumer return, so each message is still acknowledged after its
/// commit, and a failure is still its own message's: when a batch fails or a message in it must be
/// parked, the batch is rolled back and every message of it is applied alone, as without batching.
/// </summary>
public sealed class InboxBatcher<TContext> : IDisposable where TContext : BrandScopedDbContext
{
    private readonly Channel<InboxItem> _waiting = Channel.CreateUnbounded<InboxItem>();
    private readonly SemaphoreSlim _slots;
    private readonly BatchSettings _settings;
    private readonly IServiceScopeFactory _scopes;
    private readonly InboxPipeline<TContext> _pipeline;
    private readonly ILogger _logger;

    public InboxBatcher(HandlerRegistration handler, IServiceScopeFactory scopes, InboxPipeline<TContext> pipeline, ILogger logger)
    {
        _settings = handler.Settings.Batch ?? throw new ArgumentException($"{handler.EndpointName} does not batch.", nameof(handler));
        _slots = new SemaphoreSlim(_settings.Concurrency);
        (_scopes, _pipeline, _logger) = (scopes, pipeline, logger);
        using (ExecutionContext.SuppressFlow()) // the loop belongs to no consumer's trace or scope
        {
            _ = Task.Run(GatherLoopAsync);
        }
    }

    /// <summary>Completes when the message's batch committed (or it was applied alone); throws what applying it alone threw.</summary>
    public Task<InboxOutcome> ApplyAsync(InboxItem item) =>
        _waiting.Writer.TryWrite(item) ? item.Outcome : throw new ObjectDisposedException(nameof(InboxBatcher<TContext>));

    public void Dispose() => _waiting.Writer.TryComplete();

    private async Task GatherLoopAsync()
    {
        while (await _waiting.Reader.WaitToReadAsync())
        {
            var batch = await GatherAsync();
            _ = ApplyThenFreeSlotAsync(batch);
        }
    }

    /// <summary>Waits for the batch to fill or its time to pass, then for a free slot, topping it up with what arrived meanwhile.</summary>
    private async Task<List<InboxItem>> GatherAsync()
    {
        var batch = new List<InboxItem>(_settings.MessageLimit);
        using (var window = new CancellationTokenSource(TimeSpan.FromMilliseconds(_settings.TimeLimitMs)))
        {
            while (Fill(batch) < _settings.MessageLimit)
            {
                try
                {
                    if (!await _waiting.Reader.WaitToReadAsync(window.Token))
                    {
                        break;
                    }
                }
                catch (OperationCanceledException) when (window.IsCancellationRequested)
                {
                    break;
                }
            }
        }

        await _slots.WaitAsync();
        Fill(batch);
        return batch;
    }

    private int Fill(List<InboxItem> batch)
    {
        while (batch.Count < _settings.MessageLimit && _waiting.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }

        return batch.Count;
    }

    private async Task ApplyThenFreeSlotAsync(List<InboxItem> batch)
    {
        try
        {
            foreach (var brand in batch.GroupBy(item => item.Message.BrandId))
            {
                await ApplyAsync([.. brand.Where(StillWanted)]);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private static bool StillWanted(InboxItem item)
    {
        if (!item.CancellationToken.IsCancellationRequested)
        {
            return true;
        }

        item.Cancel();
        return false;
    }

    private async Task ApplyAsync(IReadOnlyList<InboxItem> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        if (items.Count > 1)
        {
            try
            {
                using var activity = MessagingActivities.StartBatch(items.Select(item => item.TraceParent));
                await using var scope = _scopes.CreateAsyncScope();
                if (await _pipeline.ProcessTogetherAsync(scope.ServiceProvider, items, CancellationToken.None) is { } outcomes)
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        items[i].Complete(outcomes[i]);
                    }

                    return;
                }
            }
            catch (Exception e)
            {
                _logger.LogInformation(e, "A batch of {Count} messages failed as a whole; applying each alone", items.Count);
            }
        }

        foreach (var item in items)
        {
            await ApplyAloneAsync(item);
        }
    }

    private async Task ApplyAloneAsync(InboxItem item)
    {
        try
        {
            using var activity = MessagingActivities.StartApply(item.TraceParent);
            await using var scope = _scopes.CreateAsyncScope();
            item.Complete(await item.Registration.ProcessAlone(scope.ServiceProvider, item.Message, item.MessageId, item.CancellationToken));
        }
        catch (Exception e)
        {
            item.Fail(e);
        }
    }
}
