using System.Collections.Concurrent;
using AmbassadorNet.ServiceDefaults.Persistence;
using Npgsql;

namespace AmbassadorNet.Webhooks.EventLog;

/// <summary>
/// Wakes the streams of a brand when events of that brand commit: the appender's NOTIFY arrives on
/// one LISTEN connection per process. A stream takes <see cref="Next"/> before it reads, so an
/// event committed after its read always wakes it; a lost connection wakes every stream (they read
/// again) and the streams' poll interval bounds anything missed while reconnecting.
/// </summary>
public sealed class EventLogSignals(IOptions<DatabaseOptions> database, ILogger<EventLogSignals> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiting = new();

    /// <summary>Completes when the brand's log next changes (or the listener reconnects).</summary>
    public Task Next(Guid brand) =>
        _waiting.GetOrAdd(brand, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                logger.LogWarning(e, "Lost the event log's notification connection; streams poll until it is back");
                WakeAll();
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        // Unpooled: it lives as long as the process and must not hold a slot of the request pool.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) => Wake(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {EventLogAppender.ChannelName}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        // Whatever committed while nobody listened: let every stream read once more.
        WakeAll();
        while (true)
        {
            await connection.WaitAsync(ct);
        }
    }

    private void Wake(string payload)
    {
        if (Guid.TryParse(payload, out var brand) && _waiting.TryRemove(brand, out var waiting))
        {
            waiting.TrySetResult();
        }
    }

    private void WakeAll()
    {
        foreach (var brand in _waiting.Keys)
        {
            if (_waiting.TryRemove(brand, out var waiting))
            {
                waiting.TrySetResult();
            }
        }
    }
}
