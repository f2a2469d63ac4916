using System.Diagnostics;

namespace AmbassadorNet.Benchmarks;

/// <summary>One reading of a growing count (clicks stored, clicks counted): seconds since a shared clock started, and the count.</summary>
public readonly record struct Reading(double At, long Count);

/// <summary>Series of readings of a count, and what T2 and T6 derive from them.</summary>
public static class Readings
{
    /// <summary>Reads <paramref name="read"/> every <paramref name="interval"/> until <paramref name="stop"/> is cancelled.</summary>
    public static async Task<List<Reading>> WatchAsync(Func<Task<long>> read, long clockStart, TimeSpan interval, CancellationToken stop)
    {
        var readings = new List<Reading>();
        while (!stop.IsCancellationRequested)
        {
            var count = await read();
            readings.Add(new Reading(Stopwatch.GetElapsedTime(clockStart).TotalSeconds, count));
            try
            {
                await Task.Delay(interval, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return readings;
    }

    /// <summary>
    /// The rate while the count was moving: from the last reading before it first rose to the first
    /// reading at its final value. Idle time before and after is left out, so two stages of one
    /// pipeline can be compared even though the later one starts and ends a little later.
    /// </summary>
    public static (double PerSecond, double From, double To) ActiveRate(IReadOnlyList<Reading> readings)
    {
        var first = readings[0].Count;
        var last = readings[^1].Count;
        var rise = Index(readings, r => r.Count > first);
        var settled = Index(readings, r => r.Count == last);
        if (rise < 1 || settled <= rise - 1)
        {
            return (0, double.NaN, double.NaN);
        }

        var from = readings[rise - 1].At;
        var to = readings[settled].At;
        return ((last - first) / (to - from), from, to);
    }

    public static int Index(IReadOnlyList<Reading> readings, Func<Reading, bool> test)
    {
        for (var i = 0; i < readings.Count; i++)
        {
            if (test(readings[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
