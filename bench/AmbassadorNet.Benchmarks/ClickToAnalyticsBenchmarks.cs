using System.Diagnostics;
using static AmbassadorNet.Benchmarks.Figures;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.TestKit.Network;

namespace AmbassadorNet.Benchmarks;

/// <summary>
/// T2: how long a click takes to show in analytics at a steady rate, and how fast analytics catches
/// up after RabbitMQ was unreachable for 60 s. Runs on a second system of its own whose services reach
/// RabbitMQ through a <see cref="TcpProxy"/> (vhost and databases suffixed <c>t2</c>), so the outage
/// touches neither the main bench system nor anyone else using the broker. Each round: a steady
/// stream (latency), then a stream across an outage (drain rate, and nothing lost).
/// </summary>
public sealed class ClickToAnalyticsBenchmarks(BenchOptions options)
{
    /// <summary>Well under T1's maximum (about 2,000/s on this machine), so the pipeline, not the redirect, is timed.</summary>
    private const double Rate = 200;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan BeforeOutage = TimeSpan.FromSeconds(5);

    /// <summary>Clicks keep coming after the restore: at exactly 3× the backlog of 60 s is gone after 30 s.</summary>
    private static readonly TimeSpan AfterOutage = TimeSpan.FromSeconds(45);

    public async Task<IReadOnlyList<Figure>> RunAsync()
    {
        TcpProxy? proxy = null;
        Log("starting a second system whose broker is reached through a proxy");
        await using var system = await BenchSystem.StartAsync(options, settings =>
        {
            proxy = TcpProxy.Start(settings.RabbitMq.Host, settings.RabbitMq.Port);
            return settings with { RabbitMq = settings.RabbitMq with { Host = "127.0.0.1", Port = proxy.Port } };
        });
        await using var ownedProxy = proxy!;
        // Straight to tracking, as T1: the gateway is not part of this pipeline.
        var url = new Uri(system.Tracking, $"/r/{system.LinkCode}");
        var probe = new AnalyticsProbe(system.ConnectionString(GatewayServices.Analytics));

        Log($"warm-up: {options.WarmUp.TotalSeconds:F0} s at {Rate:F0}/s");
        await SteadyAsync(url, probe, options.WarmUp);
        var steady = new List<(double P50, double P99)>();
        var drains = new List<Drain>();
        for (var round = 1; round <= options.Runs; round++)
        {
            steady.Add(await SteadyAsync(url, probe, options.Duration));
            Log($"round {round}: click → analytics p50 {steady[^1].P50:F0} ms, p99 {steady[^1].P99:F0} ms at {Rate:F0}/s");
            drains.Add(await OutageAsync(url, probe, ownedProxy));
            var d = drains[^1];
            Log($"round {round}: backlog {d.Backlog} clicks, first applied {d.Reconnect:F1} s after the restore, drained at {d.PerSecond:F0}/s " +
                $"({d.PerSecond / Rate:F1}× the steady rate); answered {d.Answered}, counted {d.Counted}");
        }

        var lost = drains.Select(d => (double)(d.Answered - d.Counted)).ToList();
        return
        [
            Median("T2.p50", $"click (302 received) → counted in analytics' rollup, p50, at {Rate:F0}/s open loop", steady.Select(s => s.P50), "ms", "≤ 100", v => v <= 100),
            Median("T2.p99", "the same, p99", steady.Select(s => s.P99), "ms", "≤ 1000", v => v <= 1000),
            Median("T2.reconnect", "RabbitMQ back after 60 s unreachable → first backlog click counted", drains.Select(d => d.Reconnect), "s", "", null),
            Median("T2.drain", "clicks counted per second while the backlog drains (clicks still arriving)", drains.Select(d => d.PerSecond), "clicks/s", "", null),
            Median("T2.drainRatio", $"drain rate ÷ steady rate ({Rate:F0}/s)", drains.Select(d => d.PerSecond / Rate), "×", "≥ 3", v => v >= 3),
            new Figure("T2.lost", "302s answered across the outage − clicks analytics counted once drained (per round)", lost.Sum(), "clicks", "0",
                lost.All(l => l == 0), lost),
        ];
    }

    /// <summary>Clicks at the steady rate; each click's latency is from its 302 to the first reading that counts it.</summary>
    private async Task<(double P50, double P99)> SteadyAsync(Uri url, AnalyticsProbe probe, TimeSpan duration)
    {
        var clock = Stopwatch.GetTimestamp();
        var baseline = await probe.ClicksAsync();
        using var stop = new CancellationTokenSource();
        var watching = probe.WatchAsync(clock, PollInterval, stop.Token);
        var stream = await ClickStream.RunAsync(url, Rate, duration, clock);
        WarnUnexpected(stream);
        await probe.WaitForAsync(baseline + stream.AnsweredAt.Length, TimeSpan.FromMinutes(1));
        await stop.CancelAsync();
        var latencies = Latencies(stream.AnsweredAt, await watching, baseline);
        return (Stats.Percentile(latencies, 0.50), Stats.Percentile(latencies, 0.99));
    }

    /// <summary>
    /// Matches the k-th 302 with the first reading whose total (since the baseline) reaches k. Clicks
    /// overtaking each other within a batch make this an approximation per click, not for the
    /// percentiles; the 20 ms polling adds up to 20 ms.
    /// </summary>
    private static double[] Latencies(double[] answeredAt, List<Reading> readings, long baseline)
    {
        var latencies = new List<double>(answeredAt.Length);
        var r = 0;
        for (var k = 0; k < answeredAt.Length; k++)
        {
            while (r < readings.Count && readings[r].Count - baseline < k + 1)
            {
                r++;
            }

            if (r == readings.Count)
            {
                break; // never counted within the wait: shows as T2.lost in the outage part, not here
            }

            latencies.Add((readings[r].At - answeredAt[k]) * 1000);
        }

        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private sealed record Drain(long Backlog, double Reconnect, double PerSecond, long Answered, long Counted);

    /// <summary>Steady clicks while the services' broker connections are refused for 60 s, then restored.</summary>
    private static async Task<Drain> OutageAsync(Uri url, AnalyticsProbe probe, TcpProxy proxy)
    {
        var clock = Stopwatch.GetTimestamp();
        var baseline = await probe.ClicksAsync();
        using var stop = new CancellationTokenSource();
        var watching = probe.WatchAsync(clock, PollInterval, stop.Token);
        var streaming = ClickStream.RunAsync(url, Rate, BeforeOutage + Outage + AfterOutage, clock);
        await Task.Delay(BeforeOutage);
        Log("RabbitMQ unreachable for the services (connections refused and reset)");
        proxy.SetMode(ProxyMode.Refuse);
        await Task.Delay(Outage);
        proxy.SetMode(ProxyMode.Forward);
        var restoredAt = Stopwatch.GetElapsedTime(clock).TotalSeconds;
        Log("RabbitMQ reachable again");
        var stream = await streaming;
        WarnUnexpected(stream);
        var answered = stream.AnsweredAt.LongLength;
        if (!await probe.WaitForAsync(baseline + answered, TimeSpan.FromMinutes(5)))
        {
            Log("analytics did not count every answered click within 5 minutes");
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // a late duplicate would show now
        var counted = await probe.ClicksAsync() - baseline;
        await stop.CancelAsync();
        var readings = await watching;

        // Drained once analytics holds every click answered more than a second earlier.
        var restore = Readings.Index(readings, r => r.At >= restoredAt);
        var atRestore = readings[restore].Count;
        var rise = Readings.Index(readings, r => r.At >= restoredAt && r.Count > atRestore);
        var caughtUp = Readings.Index(readings, r => r.At >= restoredAt && r.Count - baseline >= stream.AnsweredBy(r.At - 1));
        var backlog = stream.AnsweredBy(restoredAt) - (atRestore - baseline);
        if (rise < 1 || caughtUp < rise)
        {
            return new Drain(backlog, double.NaN, double.NaN, answered, counted);
        }

        var from = readings[rise - 1];
        var to = readings[caughtUp];
        return new Drain(backlog, from.At - restoredAt, (to.Count - from.Count) / (to.At - from.At), answered, counted);
    }

    private static void WarnUnexpected(ClickStreamResult stream)
    {
        if (stream.Unexpected > 0)
        {
            Log($"{stream.Unexpected} clicks got no 302 (not counted as answered)");
        }
    }

    private static void Log(string line) => Console.Error.WriteLine($"[t2] {line}");
}
