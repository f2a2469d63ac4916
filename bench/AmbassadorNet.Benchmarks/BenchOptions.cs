using System.Globalization;

namespace AmbassadorNet.Benchmarks;

/// <summary>
/// Command line: <c>--runs 3 --duration 10 --warmup 20 --connections 64 --out bench/results/latest.json
/// --only redirect,t2 --environment Production</c> (<c>--only</c> names benchmark groups; without it
/// every group runs; <c>--environment</c> is the services' ASPNETCORE_ENVIRONMENT, Production as
/// deployed unless a comparison with an older build, which ran them in Development, needs otherwise).
/// </summary>
public sealed record BenchOptions(
    int Runs, TimeSpan Duration, TimeSpan WarmUp, int Connections, string Output, IReadOnlySet<string> Only, string Environment)
{
    /// <summary>Whether the group named <paramref name="group"/> was asked for.</summary>
    /// <summary>Groups that repeat part of another (t6reads: T6 without its load) and run only when named.</summary>
    private static readonly string[] OnlyWhenNamed = ["t6reads"];

    public bool Includes(string group) => Only.Count == 0 ? !OnlyWhenNamed.Contains(group) : Only.Contains(group);

    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        return new BenchOptions(
            Number("--runs", 3),
            TimeSpan.FromSeconds(Number("--duration", 10)),
            TimeSpan.FromSeconds(Number("--warmup", 20)),
            Number("--connections", 64),
            Value("--out", "bench/results/latest.json"),
            Value("--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.OrdinalIgnoreCase),
            Value("--environment", "Production"));
    }
}
