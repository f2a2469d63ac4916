using System.Globalization;
using System.Text.Json;
using AmbassadorNet.AppHost.Composition;
using AmbassadorNet.Benchmarks;

// The benchmark command (bench/run.sh). Prints the figures as a table and writes them as JSON.
var options = BenchOptions.Parse(args);
// The machine is shared: the load around the run is part of the result.
var loadBefore = (await File.ReadAllTextAsync("/proc/loadavg")).Trim();
var postgres = await PostgresDurability.ReadAsync(SystemSettings.FromEnvironment().Postgres);
Console.WriteLine($"[bench] PostgreSQL: {postgres}");
await using var bare = await BareRedirectServer.StartAsync();
await using var systems = new SystemOnDemand(options);

// Each group measures one hot path against its baseline; `--only` picks groups by name.
var groups = new (string Name, Func<Task<IReadOnlyList<Figure>>> Run)[]
{
    ("r1", () => Task.FromResult(new RouteTableBenchmark(options).Run())),
    ("redirect", async () => await new RedirectBenchmarks(await systems.GetAsync(), bare, options).RunAsync()),
    ("t2", () => new ClickToAnalyticsBenchmarks(options).RunAsync()),
    ("t4", async () => await new ConversionBenchmarks(await systems.GetAsync(), options).RunAsync()),
    ("g1", async () => await new GrpcOrderBenchmarks(await systems.GetAsync(), options).RunAsync()),
    ("t6", async () => await new AnalyticsBenchmarks(await systems.GetAsync(), options).RunAsync()),
    ("t6reads", async () => await new AnalyticsBenchmarks(await systems.GetAsync(), options).ReadsOnlyAsync()),
    ("t5", async () => await new PayoutRunBenchmark(await systems.GetAsync(), options, PayoutRunSizes.Parse(args)).RunAsync()),
};
var figures = new List<Figure>();
foreach (var group in groups.Where(g => options.Includes(g.Name)))
{
    figures.AddRange(await group.Run());
}

var report = new
{
    takenAt = DateTimeOffset.UtcNow,
    machine = new
    {
        processors = Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString(),
        loadBefore, loadAfter = (await File.ReadAllTextAsync("/proc/loadavg")).Trim(),
        postgres,
    },
    options = new { options.Runs, durationSeconds = options.Duration.TotalSeconds, options.Connections, options.Links },
    figures,
};
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
await File.WriteAllTextAsync(options.Output, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));

Console.WriteLine($"{"figure",-14} {"median",12} {"unit",-7} {"goal",-8} {"met",-4} runs");
foreach (var f in figures)
{
    var runs = string.Join(" ", f.Runs.Select(r => r.ToString("0.###", CultureInfo.InvariantCulture)));
    var met = f.MeetsGoal switch { true => "yes", false => "NO", null => "" };
    Console.WriteLine($"{f.Id,-14} {f.Value,12:0.###} {f.Unit,-7} {f.Goal,-8} {met,-4} {runs}");
}

Console.WriteLine($"load average before: {loadBefore}; after: {report.machine.loadAfter}");
Console.WriteLine($"PostgreSQL: {postgres}");
Console.WriteLine($"written to {options.Output}");
