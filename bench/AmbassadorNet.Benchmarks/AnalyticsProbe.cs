using System.Diagnostics;
using Npgsql;

namespace AmbassadorNet.Benchmarks;

/// <summary>
/// Analytics' click total read straight from its rollups (campaign_daily_rollups, written in the same
/// statement as the per-creator rows). Read from the database rather than through the summary
/// endpoint: that times the pipeline (redirect → batch → outbox → RabbitMQ → consumer commit) without
/// adding the read path's own latency and jitter to every sample; T6 measures the read path.
/// </summary>
public sealed class AnalyticsProbe(string connectionString)
{
    /// <summary>Every click analytics has counted in this database, all brands (benchmarks use differences).</summary>
    public async Task<long> ClicksAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var sum = new NpgsqlCommand("SELECT coalesce(sum(clicks), 0)::bigint FROM campaign_daily_rollups", connection);
        return (long)(await sum.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Reads the total every <paramref name="interval"/> until <paramref name="stop"/> is cancelled.</summary>
    public Task<List<Reading>> WatchAsync(long clockStart, TimeSpan interval, CancellationToken stop) =>
        Readings.WatchAsync(() => ClicksAsync(), clockStart, interval, stop);

    /// <summary>Waits until the total reaches <paramref name="target"/>; false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForAsync(long target, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await ClicksAsync() < target)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
