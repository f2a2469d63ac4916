using System.Globalization;
using System.Text.RegularExpressions;
using AmbassadorNet.SystemTestKit;

namespace AmbassadorNet.Benchmarks;

/// <summary>
/// CPU time (user + system, as the kernel accounts it in /proc/&lt;pid&gt;/stat) of each part of the
/// system under test: every service process of this run (found by its database prefix in the
/// environment), RabbitMQ, and PostgreSQL (every server process, plus the backends that have
/// exited, which the postmaster's children counters hold). A perf profile with the .NET perf map on
/// inflates the tiered-compilation thread (docs/benchmarks.md), so CPU per order is taken from here.
/// </summary>
public static partial class SystemCpu
{
    /// <summary>USER_HZ: the unit of the stat file's times on Linux.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Seconds of CPU so far, by part ("tracking", "payouts", …, "postgres", "rabbitmq").</summary>
    public static IReadOnlyDictionary<string, double> Read(string databasePrefix)
    {
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(string part, double value) => seconds[part] = seconds.GetValueOrDefault(part) + value;

        foreach (var pid in ServiceProcess.WithEnvironmentContaining(databasePrefix))
        {
            if (ServiceName().Match(ServiceProcess.CommandLine(pid)) is { Success: true } service && Times(pid) is { } times)
            {
                Add(service.Groups[1].Value.ToLowerInvariant(), times.Own);
            }
        }

        foreach (var pid in ServiceProcess.WithCommandLineContaining("postgres"))
        {
            var program = ServiceProcess.CommandLine(pid).Split(' ')[0];
            if ((program.StartsWith("postgres:", StringComparison.Ordinal) || Path.GetFileName(program) == "postgres") && Times(pid) is { } times)
            {
                Add("postgres", times.Own + (Path.GetFileName(program) == "postgres" ? times.ReapedChildren : 0));
            }
        }

        foreach (var pid in ServiceProcess.WithCommandLineContaining("beam.smp"))
        {
            if (Times(pid) is { } times)
            {
                Add("rabbitmq", times.Own);
            }
        }

        return seconds;
    }

    /// <summary>
    /// Seconds of CPU so far of the load generators this process ran and has reaped (wrk): the share of the
    /// machine a closed-loop figure spends on its own client.
    /// </summary>
    public static double LoadGenerators() => Times(Environment.ProcessId)?.ReapedChildren ?? 0;

    /// <summary>Milliseconds of CPU per order for each part between two readings, and their total.</summary>
    public static IReadOnlyDictionary<string, double> PerOrder(IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after, long orders)
    {
        var perOrder = after.Where(part => before.ContainsKey(part.Key))
            .ToDictionary(part => part.Key, part => (part.Value - before[part.Key]) * 1000 / Math.Max(orders, 1), StringComparer.Ordinal);
        perOrder["total"] = perOrder.Values.Sum();
        return perOrder;
    }

    /// <summary>utime + stime, and cutime + cstime (children reaped), in seconds; null once the process is gone.</summary>
    private static (double Own, double ReapedChildren)? Times(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            double Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture) / TicksPerSecond;
            return (Field(14) + Field(15), Field(16) + Field(17));
        }
        catch (IOException)
        {
            return null;
        }
    }

    // The service's own process runs artifacts/bin/AmbassadorNet.Tracking/…; its `dotnet run` wrapper names the project.
    [GeneratedRegex(@"AmbassadorNet\.(Gateway|Creators|Campaigns|Tracking|Payouts|Analytics|Webhooks)\b")]
    private static partial Regex ServiceName();
}
