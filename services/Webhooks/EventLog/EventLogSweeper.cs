using AmbassadorNet.ServiceDefaults.Persistence;
using Npgsql;

namespace AmbassadorNet.Webhooks.EventLog;

/// <summary>
/// Deletes the events older than the retention, brand by brand, from the oldest position up: the log
/// stays a contiguous run of positions, and the head remembers the newest one removed so a stream
/// asked to resume before it can say the position expired instead of skipping events silently.
/// </summary>
public sealed class EventLogSweeper(IOptions<EventLogOptions> options, IOptions<DatabaseOptions> database, TimeProvider clock, ILogger<EventLogSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A missed sweep waits for the next interval; an exception escaping a BackgroundService would stop the host.
                logger.LogWarning(e, "Event log retention sweep failed; trying again next interval");
            }

            try
            {
                await Task.Delay(options.Value.SweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <returns>How many events were deleted.</returns>
    public async Task<long> SweepAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - options.Value.Retention;
        await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // The newest expired position per brand, then everything up to it: positions recorded in one
        // transaction share a time, and a clock step back cannot leave a hole below a kept event.
        await using var sweep = new NpgsqlCommand("""
            WITH expired AS (
                SELECT brand_id, max(position) AS through FROM partner_events WHERE recorded_at < @cutoff GROUP BY brand_id),
            moved AS (
                UPDATE partner_event_heads h SET expired_through = greatest(h.expired_through, e.through)
                FROM expired e WHERE h.brand_id = e.brand_id)
            DELETE FROM partner_events p USING expired e WHERE p.brand_id = e.brand_id AND p.position <= e.through
            """, connection, transaction);
        sweep.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
        var deleted = await sweep.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        if (deleted > 0)
        {
            logger.LogInformation("Event log retention removed {Count} events recorded before {Cutoff}", deleted, cutoff);
        }

        return deleted;
    }
}
