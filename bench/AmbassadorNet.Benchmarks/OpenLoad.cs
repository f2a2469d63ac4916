using System.Diagnostics;
using System.Net;

namespace AmbassadorNet.Benchmarks;

/// <summary>Latency at a fixed request rate, measured from each request's scheduled time.</summary>
public sealed record LatencyResult(double Rate, long Requests, long Unexpected, double P50Ms, double P99Ms);

/// <summary>
/// An open-loop load: request i is due at start + i / rate whether or not earlier ones have answered,
/// and its latency counts from when it was due, so a stall shows in the percentiles instead of
/// silently lowering the rate (wrk's closed loop would hide it: coordinated omission).
/// </summary>
public static class OpenLoad
{
    /// <summary>Request i, built by <paramref name="request"/> (a GET of one URL, or of one of many paths), is due at start + i / <paramref name="rate"/>.</summary>
    public static async Task<LatencyResult> RunAsync(
        Func<int, HttpRequestMessage> request, double rate, TimeSpan duration, HttpStatusCode expected, int connections = 64)
    {
        var latencies = new double[(int)(rate * duration.TotalSeconds)];
        long unexpected = 0;
        await ScheduleAsync(rate, latencies.Length, connections, request, (i, due, status) =>
        {
            if (status != expected)
            {
                Interlocked.Increment(ref unexpected);
            }

            latencies[i] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
        });
        Array.Sort(latencies);
        return new LatencyResult(rate, latencies.Length, unexpected, Stats.Percentile(latencies, 0.50), Stats.Percentile(latencies, 0.99));
    }

    /// <summary>
    /// Sends a GET of <paramref name="url"/> as request i of <paramref name="total"/> at its due time
    /// (start + i / rate) over up to <paramref name="connections"/> connections, and reports each
    /// answer: its index, its due <see cref="Stopwatch"/> timestamp, and its status (null when no answer came).
    /// </summary>
    public static Task ScheduleAsync(Uri url, double rate, int total, int connections, Action<int, long, HttpStatusCode?> answered) =>
        ScheduleAsync(rate, total, connections, _ => new HttpRequestMessage(HttpMethod.Get, url), answered);

    /// <summary>As above, with request i built by <paramref name="request"/> (any method, headers and body).</summary>
    public static async Task ScheduleAsync(
        double rate, int total, int connections, Func<int, HttpRequestMessage> request, Action<int, long, HttpStatusCode?> answered)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = connections, UseCookies = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
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

                HttpStatusCode? status = null;
                try
                {
                    using var message = request(i);
                    using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
                    status = response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // no answer (refused, reset or past the 10 s timeout): reported as null
                }

                answered(i, due, status);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(Worker)));
    }
}

public static class Stats
{
    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
