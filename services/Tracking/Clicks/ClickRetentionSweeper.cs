using AmbassadorNet.ServiceDefaults.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AmbassadorNet.Tracking.Clicks;

/// <summary>
/// Deletes raw clicks older than Tracking:ClickRetention (privacy: the ClicksCounted events and
/// analytics' rollups stay). Deletes in chunks so a large backlog never holds a long lock.
/// </summary>
public sealed class ClickRetentionSweeper(IOptions<TrackingOptions> options, IOptions<DatabaseOptions> database, TimeProvider clock, ILogger<ClickRetentionSweeper> logger)
    : BackgroundService
{
    private const int Chunk = 10_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
                await Task.Delay(options.Value.RetentionSweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Any failure waits for the next interval: an exception escaping a BackgroundService
                // stops the host (.NET's default), and a missed sweep is never worth that.
                logger.LogWarning(e, "Click retention sweep failed; trying again next interval");
                await Task.Delay(options.Value.RetentionSweepInterval, clock, stoppingToken);
            }
        }
    }

    /// <returns>How many clicks were deleted.</returns>
    public async Task<long> SweepAsync(CancellationToken ct)
    {
        if (options.Value.ClickRetention is not { } retention)
        {
            return 0;
        }

        var cutoff = clock.GetUtcNow() - retention;
        long total = 0;
        await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(ct);
        while (true)
        {
            await using var delete = new NpgsqlCommand(
                "DELETE FROM clicks WHERE id IN (SELECT id FROM clicks WHERE clicked_at < @cutoff LIMIT @chunk)", connection);
            delete.Parameters.AddWithValue("cutoff", cutoff);
            delete.Parameters.AddWithValue("chunk", Chunk);
            var deleted = await delete.ExecuteNonQueryAsync(ct);
            total += deleted;
            if (deleted < Chunk)
            {
                return total;
            }
        }
    }
}
