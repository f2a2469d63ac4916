using System.Globalization;

namespace AmbassadorNet.Benchmarks;

/// <summary>
/// Command line: <c>--runs 3 --duration 10 --warmup 20 --connections 64 --out bench/results/latest.json
/// --only redirect,t2 --environment Production --service-env DOTNET_gcServer=0 --telemetry --links 200</c> (<c>--only</c> names
/// benchmark groups; without it every group runs; <c>--environment</c> is the services' ASPNETCORE_ENVIRONMENT,
/// Production as deployed unless a comparison with an older build, which ran them in Development, needs
/// otherwise; <c>--service-env</c>, repeatable, sets an environment variable of every service, for
/// experiments with runtime settings; <c>--telemetry</c> has every service export traces, metrics and logs
/// over OTLP to <c>AmbassadorNet.TestKit.Telemetry.OtlpReceiver</c>, as a deployment exports them to its collector;
/// <c>--links N</c> spreads the redirect group's requests uniformly at random over N live links of one brand
/// instead of the one link every system is seeded with, as real traffic spreads a click batch over many links).
/// </summary>
public sealed record BenchOptions(
    int Runs, TimeSpan Duration, TimeSpan WarmUp, int Connections, string Output, IReadOnlySet<string> Only, string Environment,
    IReadOnlyDictionary<string, string> ServiceEnvironment, bool Telemetry, int Links)
{
    /// <summary>Groups that repeat part of another (t6reads: T6 without its load) and run only when named.</summary>
    private static readonly string[] OnlyWhenNamed = ["t6reads"];

    /// <summary>Whether the group named <paramref name="group"/> was asked for.</summary>
    public bool Includes(string group) => Only.Count == 0 ? !OnlyWhenNamed.Contains(group) : Only.Contains(group);

    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var links = Number("--links", 1);
        if (links < 1)
        {
            throw new ArgumentException($"--links takes a count of links, at least 1, not {links}");
        }

        return new BenchOptions(
            Number("--runs", 3),
            TimeSpan.FromSeconds(Number("--duration", 10)),
            TimeSpan.FromSeconds(Number("--warmup", 20)),
            Number("--connections", 64),
            Value("--out", "bench/results/latest.json"),
            Value("--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.OrdinalIgnoreCase),
            Value("--environment", "Production"),
            ServiceEnvironmentOf(args),
            args.Contains("--telemetry"),
            links);
    }

    private static Dictionary<string, string> ServiceEnvironmentOf(string[] args)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] != "--service-env")
            {
                continue;
            }

            var pair = args[i + 1].Split('=', 2);
            if (pair.Length != 2 || pair[0].Length == 0)
            {
                throw new ArgumentException($"--service-env takes NAME=VALUE, not '{args[i + 1]}'");
            }

            environment[pair[0]] = pair[1];
        }

        return environment;
    }
}
