using AmbassadorNet.Persistence.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows. Rows are claimed with FOR UPDATE SKIP LOCKED, so replicas share
/// the work without publishing a row twice at the same time, and in commit-independent order (never
/// "id > last seen": UUIDv7 order is not commit order). A row is marked dispatched only after the
/// broker confirmed it; while the broker is unreachable the rows wait and the dispatcher backs off.
/// </summary>
internal sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    OutboxPublisher publisher,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : BrandScopedDbContext
{
    private const string ClaimSql = """
        SELECT * FROM outbox_messages
        WHERE dispatched_at IS NULL
        ORDER BY created_at
        LIMIT {0}
        FOR UPDATE SKIP LOCKED
        """;

    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await DispatchBatchAsync(settings, stoppingToken);
                failures = 0;
                await CleanupIfDueAsync(settings, stoppingToken);
                if (claimed < settings.BatchSize)
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var backoff = TimeSpan.FromMilliseconds(Math.Min(settings.MaxBackoff.TotalMilliseconds, 100 * Math.Pow(2, failures)));
                logger.LogWarning(e, "Outbox dispatch failed ({Failures} in a row); retrying in {Backoff}", failures, backoff);
                await Task.Delay(backoff, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<int> DispatchBatchAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.Set<OutboxMessage>().FromSqlRaw(ClaimSql, settings.BatchSize).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.PublishTimeout);
        var errors = await Task.WhenAll(batch.Select(message => publisher.TryPublishAsync(message, timeout.Token)));

        // Record what the broker confirmed even if some failed, so those are not published again:
        // the confirmed ones in one statement, the failed ones (rare) row by row with their error.
        var now = clock.GetUtcNow();
        var confirmed = batch.Zip(errors).Where(sent => sent.Second is null).Select(sent => sent.First.Id).ToList();
        if (confirmed.Count > 0) // none while the broker is down: no statement then
        {
            await db.Set<OutboxMessage>().Where(m => confirmed.Contains(m.Id))
                .ExecuteUpdateAsync(
                    set => set.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.DispatchedAt, now).SetProperty(m => m.LastError, (string?)null),
                    CancellationToken.None);
        }

        foreach (var (message, error) in batch.Zip(errors).Where(sent => sent.Second is not null))
        {
            message.Attempts++;
            message.LastError = Truncate(error!.Message);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        var failed = errors.Count(e => e is not null);
        return failed == 0
            ? batch.Count
            : throw new InvalidOperationException($"{failed} of {batch.Count} events were not confirmed by the broker", errors.First(e => e is not null));
    }

    private async Task CleanupIfDueAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (settings.Retention is not { } retention || now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now.AddMinutes(10);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = now - retention;
        var deleted = await db.Set<OutboxMessage>().Where(m => m.DispatchedAt != null && m.DispatchedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Removed {Count} published events older than {Cutoff}", deleted, cutoff);
        }
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}
