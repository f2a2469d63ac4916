using System.Diagnostics;
using AmbassadorNet.Gateway.Routing;

namespace AmbassadorNet.Benchmarks;

/// <summary>
/// R1: the gateway's route table alone, in this process: the time and the bytes one resolution
/// costs, over a path of every row's shape (each with its first method) and as many paths no row
/// matches. The gateway resolves every request it forwards this way; under T3 the table was its
/// largest managed frame (docs/benchmarks.md).
/// </summary>
public sealed class RouteTableBenchmark(BenchOptions options)
{
    private static readonly TimeSpan RoundLength = TimeSpan.FromSeconds(2);

    public IReadOnlyList<Figure> Run()
    {
        var table = GatewayRouteTable.Default;
        var requests = table.Routes.Select(r => (Method: r.Methods[0], Path: r.Template.SamplePath("0198a0e4")))
            .Concat(table.Routes.Select(r => (Method: "GET", Path: r.Template.SamplePath("0198a0e4") + "/nowhere")))
            .ToArray();
        Measure(table, requests, RoundLength); // warm-up: tiered compilation reaches its final code

        var nanoseconds = new List<double>();
        var bytes = new List<double>();
        for (var round = 1; round <= options.Runs; round++)
        {
            var (ns, allocated) = Measure(table, requests, RoundLength);
            Console.Error.WriteLine($"[r1] round {round}: {ns:0} ns and {allocated:0} bytes per resolution over {requests.Length} paths");
            nanoseconds.Add(ns);
            bytes.Add(allocated);
        }

        return
        [
            Figures.Median("R1.ns", "one route resolution (gateway route table), ns", nanoseconds, "ns", "", null),
            Figures.Median("R1.bytes", "bytes allocated by one route resolution", bytes, "bytes", "", null),
        ];
    }

    private static (double Nanoseconds, double Bytes) Measure(GatewayRouteTable table, (string Method, string Path)[] requests, TimeSpan length)
    {
        long resolutions = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < length)
        {
            foreach (var (method, path) in requests)
            {
                table.Resolve(method, path);
            }

            resolutions += requests.Length;
        }

        var elapsed = clock.Elapsed;
        return (elapsed.TotalNanoseconds / resolutions, (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)resolutions);
    }
}
