using System.Net;

namespace AmbassadorNet.Benchmarks;

/// <summary>One figure of the report: measured value, its goal, and the runs it is the median of.</summary>
public sealed record Figure(string Id, string What, double Value, string Unit, string Goal, bool? MeetsGoal, IReadOnlyList<double> Runs);

/// <summary>
/// B0, T1 and T3 in one run, interleaved so the machine's noise hits baseline and subject alike:
/// each round measures the bare Kestrel 302, the tracking redirect direct, and the same through the
/// gateway, back to back; figures are medians of the rounds' values and ratios.
/// </summary>
public sealed class RedirectBenchmarks(BenchSystem system, BareRedirectServer bare, BenchOptions options)
{
    public async Task<IReadOnlyList<Figure>> RunAsync()
    {
        var paths = await RedirectPaths.ForAsync(system, options.Links);
        Log($"requests spread uniformly over {paths.Count} link{(paths.Count == 1 ? "" : "s")} (--links)");
        var (b0, direct, gateway) = (bare.Url, system.Tracking, system.Gateway);
        var before = await system.RedirectStatsAsync();
        var rowsBefore = await system.CountClickRowsAsync();
        var traceBytesBefore = TraceBytes();

        Log("warm-up");
        foreach (var url in new[] { b0, direct, gateway })
        {
            await paths.WrkAsync(url, options.Connections, options.WarmUp);
        }

        var rounds = new List<(WrkResult B0, WrkResult Direct, WrkResult Gateway)>();
        var cpu = new List<IReadOnlyDictionary<string, double>>();
        for (var round = 1; round <= options.Runs; round++)
        {
            var bare = await Max(paths, b0, "B0");
            var (t1, t1Cpu) = await WithCpuPerRedirectAsync(() => Max(paths, direct, "T1"));
            var result = (bare, t1, await Max(paths, gateway, "T3"));
            rounds.Add(result);
            cpu.Add(t1Cpu);
            Log($"round {round}: B0 {result.Item1.RequestsPerSecond:F0}/s, T1 {result.Item2.RequestsPerSecond:F0}/s, T3 {result.Item3.RequestsPerSecond:F0}/s");
            Log($"round {round}: T1 CPU per redirect {t1Cpu["total"]:F1} µs: " +
                string.Join(", ", t1Cpu.Where(p => p.Key != "total").OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:F1}")));
        }

        var directMax = Stats.Median(rounds.Select(r => r.Direct.RequestsPerSecond));
        var halfLoad = new List<LatencyResult>();
        var bareAtHalfLoad = new List<LatencyResult>();
        var quarter = new List<(LatencyResult Direct, LatencyResult Gateway)>();
        for (var round = 1; round <= options.Runs; round++)
        {
            // B0 at T1's half rate: the latency floor of this client on this machine, against which T1's is read.
            bareAtHalfLoad.Add(await OpenLoad.RunAsync(paths.Requests(b0), directMax / 2, options.Duration, HttpStatusCode.Found));
            halfLoad.Add(await OpenLoad.RunAsync(paths.Requests(direct), directMax / 2, options.Duration, HttpStatusCode.Found));
            var pair = (await OpenLoad.RunAsync(paths.Requests(direct), directMax / 4, options.Duration, HttpStatusCode.Found),
                await OpenLoad.RunAsync(paths.Requests(gateway), directMax / 4, options.Duration, HttpStatusCode.Found));
            quarter.Add(pair);
            Log($"round {round}: T1 at {directMax / 2:F0}/s p50 {halfLoad[^1].P50Ms:F2} ms p99 {halfLoad[^1].P99Ms:F2} ms " +
                $"(B0 at that rate p50 {bareAtHalfLoad[^1].P50Ms:F2} ms p99 {bareAtHalfLoad[^1].P99Ms:F2} ms); " +
                $"at {directMax / 4:F0}/s direct p99 {pair.Item1.P99Ms:F2} ms, gateway p99 {pair.Item2.P99Ms:F2} ms");
        }

        var (answered, stored, rows) = await DrainAsync(before, rowsBefore);
        var traceBytes = TraceBytes() - traceBytesBefore;
        var ratio = rounds.Select(r => r.Direct.RequestsPerSecond / r.B0.RequestsPerSecond).ToList();
        var gatewayRatio = rounds.Select(r => r.Gateway.RequestsPerSecond / r.Direct.RequestsPerSecond).ToList();
        var addedP50 = quarter.Select(q => q.Gateway.P50Ms - q.Direct.P50Ms).ToList();
        var addedP99 = quarter.Select(q => q.Gateway.P99Ms - q.Direct.P99Ms).ToList();
        return
        [
            Median("B0.rps", "bare Kestrel 302, 64 connections", rounds.Select(r => r.B0.RequestsPerSecond), "req/s", "baseline", null),
            Median("T1.rps", "tracking /r/{code} with click capture, direct", rounds.Select(r => r.Direct.RequestsPerSecond), "req/s", "", null),
            Median("T1.ratio", "T1 throughput ÷ B0 (per round)", ratio, "×", "≥ 0.6", v => v >= 0.6),
            Median("T1.p50", $"T1 p50 at half of T1's max ({directMax / 2:F0}/s, open loop)", halfLoad.Select(l => l.P50Ms), "ms", "", null),
            Median("T1.p99", "T1 p99 at half of T1's max", halfLoad.Select(l => l.P99Ms), "ms", "≤ 5", v => v <= 5),
            Median("B0.p50half", "B0 p50 at T1's half rate: the client's and machine's own floor", bareAtHalfLoad.Select(l => l.P50Ms), "ms", "", null),
            Median("B0.p99half", "B0 p99 at T1's half rate: the client's and machine's own floor", bareAtHalfLoad.Select(l => l.P99Ms), "ms", "", null),
            new Figure("T1.drain", "302s answered in this benchmark − clicks stored (service counters; rows counted too)",
                answered - stored, "clicks", "0", answered == stored && rows == stored, [answered, stored, rows]),
            Median("T1.cpu", "CPU per redirect while T1 runs: every service, PostgreSQL, RabbitMQ and wrk (kernel accounting; the clicks' writes and events included)",
                cpu.Select(c => c["total"]), "µs", "", null),
            .. cpu.SelectMany(c => c.Keys).Distinct().Where(part => part != "total").Order(StringComparer.Ordinal).Select(part =>
                Median($"T1.cpu.{part}", $"CPU per redirect while T1 runs: {part}", cpu.Select(c => c.GetValueOrDefault(part)), "µs", "", null)),
            Median("T3.rps", "the redirect through the gateway", rounds.Select(r => r.Gateway.RequestsPerSecond), "req/s", "", null),
            Median("T3.ratio", "T3 throughput ÷ T1 direct (per round)", gatewayRatio, "×", "≥ 0.5", v => v >= 0.5),
            Median("T3.addedP50", $"gateway − direct p50 at a quarter of direct max ({directMax / 4:F0}/s)", addedP50, "ms", "≤ 0.3", v => v <= 0.3),
            Median("T3.addedP99", "gateway − direct p99 at a quarter of direct max", addedP99, "ms", "≤ 1.5", v => v <= 1.5),
            .. options.Telemetry
                ? [new Figure("T1.traceBytes", "trace bytes exported over OTLP per redirect answered by tracking (the gateway's included; --telemetry)",
                    Math.Round((double)traceBytes / Math.Max(1, answered), 1), "bytes", "", null, [traceBytes, answered])]
                : Array.Empty<Figure>(),
        ];
    }

    /// <summary>
    /// Microseconds of CPU per redirect tracking answered while <paramref name="load"/> ran, by part of the
    /// system and for wrk itself: what a click costs the machine, its write and its event included.
    /// </summary>
    private async Task<(WrkResult Result, IReadOnlyDictionary<string, double> MicrosecondsPerRedirect)> WithCpuPerRedirectAsync(Func<Task<WrkResult>> load)
    {
        var answeredBefore = (await system.RedirectStatsAsync()).GetProperty("answered").GetInt64();
        var before = new Dictionary<string, double>(SystemCpu.Read(system.DatabasePrefix)) { ["wrk"] = SystemCpu.LoadGenerators() };
        var result = await load();
        var after = new Dictionary<string, double>(SystemCpu.Read(system.DatabasePrefix)) { ["wrk"] = SystemCpu.LoadGenerators() };
        var answered = (await system.RedirectStatsAsync()).GetProperty("answered").GetInt64() - answeredBefore;
        var perRedirect = SystemCpu.PerOrder(before, after, answered).ToDictionary(part => part.Key, part => part.Value * 1000, StringComparer.Ordinal);
        return (result, perRedirect);
    }

    /// <summary>Bytes of traces the services have exported since the system started (0 without --telemetry).</summary>
    private long TraceBytes() => system.TelemetryReceived.TryGetValue("traces", out var traces) ? traces.Bytes : 0;

    private async Task<WrkResult> Max(RedirectPaths paths, Uri server, string label)
    {
        var result = await paths.WrkAsync(server, options.Connections, options.Duration);
        if (result.Non2xx3xx > 0 || result.SocketErrors > 0)
        {
            Log($"{label}: {result.Non2xx3xx} non-2xx/3xx answers and {result.SocketErrors} socket errors");
        }

        return result;
    }

    /// <summary>Waits until the click buffer is empty, then compares what this benchmark answered with what was stored.</summary>
    private async Task<(long Answered, long Stored, long Rows)> DrainAsync(System.Text.Json.JsonElement before, long rowsBefore)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var stats = await system.RedirectStatsAsync();
            var answered = stats.GetProperty("answered").GetInt64() - before.GetProperty("answered").GetInt64();
            var stored = stats.GetProperty("stored").GetInt64() - before.GetProperty("stored").GetInt64();
            var dropped = stats.GetProperty("dropped").GetInt64() - before.GetProperty("dropped").GetInt64();
            // "pending" is only the queue: a batch being written has left it but is not stored yet.
            if (answered == stored + dropped || DateTime.UtcNow > deadline)
            {
                Log($"drained: answered {answered}, stored {stored}, dropped {dropped}");
                return (answered, stored, await system.CountClickRowsAsync() - rowsBefore);
            }

            await Task.Delay(250);
        }
    }

    private static Figure Median(string id, string what, IEnumerable<double> runs, string unit, string goal, Func<double, bool>? meets)
    {
        var values = runs.ToList();
        var median = Stats.Median(values);
        return new Figure(id, what, median, unit, goal, meets?.Invoke(median), values);
    }

    private static void Log(string line) => Console.Error.WriteLine($"[bench] {line}");
}
