using System.Diagnostics;
using System.Net;

namespace AmbassadorNet.Benchmarks;

/// <summary>When each 302 of a <see cref="ClickStream"/> was answered, in seconds since the stream's clock started.</summary>
public sealed record ClickStreamResult(double[] AnsweredAt, long Unexpected)
{
    /// <summary>302s answered at or before <paramref name="seconds"/> (AnsweredAt is sorted).</summary>
    public long AnsweredBy(double seconds)
    {
        var index = Array.BinarySearch(AnsweredAt, seconds);
        return index >= 0 ? index + 1 : ~index;
    }
}

/// <summary>
/// Clicks at a steady open-loop rate (click i is due at i / rate whether or not earlier ones have
/// answered, as in <see cref="OpenLoad"/>), keeping the moment each 302 arrived: T2 matches these
/// against the moment analytics counted the click.
/// </summary>
public static class ClickStream
{
    /// <param name="clockStart">A <see cref="Stopwatch"/> timestamp shared with whoever watches analytics.</param>
    public static async Task<ClickStreamResult> RunAsync(Uri url, double rate, TimeSpan duration, long clockStart, int connections = 32)
    {
        var answeredAt = new double[(int)(rate * duration.TotalSeconds)];
        long unexpected = 0;
        await OpenLoad.ScheduleAsync(url, rate, answeredAt.Length, connections, (i, _, status) =>
        {
            if (status == HttpStatusCode.Found)
            {
                answeredAt[i] = Stopwatch.GetElapsedTime(clockStart).TotalSeconds;
            }
            else
            {
                answeredAt[i] = double.NaN; // a click that got no 302 is not one analytics should show
                Interlocked.Increment(ref unexpected);
            }
        });
        var answered = answeredAt.Where(t => !double.IsNaN(t)).ToArray();
        Array.Sort(answered);
        return new ClickStreamResult(answered, unexpected);
    }
}
