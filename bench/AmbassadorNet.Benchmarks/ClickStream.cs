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
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = connections, UseCookies = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        var total = (int)(rate * duration.TotalSeconds);
        var answeredAt = new double[total];
        long unexpected = 0;
        var next = -1;
        var start = Stopwatch.GetTimestamp();

        async Task Worker()
        {
            for (var i = Interlocked.Increment(ref next); i < total; i = Interlocked.Increment(ref next))
            {
                var due = start + (long)(i / rate * Stopwatch.Frequency);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var found = false;
                try
                {
                    using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                    found = response.StatusCode == HttpStatusCode.Found;
                }
                catch (HttpRequestException)
                {
                    // counted below: a click that got no 302 is not one analytics should show
                }

                if (found)
                {
                    answeredAt[i] = Stopwatch.GetElapsedTime(clockStart).TotalSeconds;
                }
                else
                {
                    answeredAt[i] = double.NaN;
                    Interlocked.Increment(ref unexpected);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(Worker)));
        var answered = answeredAt.Where(t => !double.IsNaN(t)).ToArray();
        Array.Sort(answered);
        return new ClickStreamResult(answered, unexpected);
    }
}
