using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AmbassadorNet.Benchmarks;

/// <summary>One closed-loop run of wrk (keep-alive): throughput and its latency distribution.</summary>
public sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Non2xx3xx, long SocketErrors);

public static partial class Wrk
{
    /// <param name="script">A Lua script of wrk's (<c>-s</c>), e.g. one whose <c>request</c> picks each request's path; null: every request GETs <paramref name="url"/>.</param>
    public static async Task<WrkResult> RunAsync(Uri url, int connections, TimeSpan duration, string? script = null)
    {
        var threads = Math.Min(Environment.ProcessorCount, connections);
        string[] scripted = script is null ? [] : ["-s", script];
        var start = new ProcessStartInfo("wrk", ["--latency", $"-t{threads}", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", .. scripted, url.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {output}{await process.StandardError.ReadToEndAsync()}");
        }

        return Parse(output);
    }

    public static WrkResult Parse(string output) => new(
        double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
        Milliseconds(Percentile(output, "50")),
        Milliseconds(Percentile(output, "99")),
        long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
        Count(Non2xx().Match(output)),
        SocketErrorCount(output));

    private static string Percentile(string output, string percent) =>
        Regex.Match(output, $@"^\s+{percent}%\s+([\d.]+\w+)", RegexOptions.Multiline).Groups[1].Value;

    private static double Milliseconds(string value)
    {
        var match = Duration().Match(value);
        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => number / 1000,
            "ms" => number,
            "s" => number * 1000,
            "m" => number * 60_000,
            var unit => throw new FormatException($"wrk latency unit '{unit}'"),
        };
    }

    private static long SocketErrorCount(string output)
    {
        var match = SocketErrors().Match(output);
        return match.Success ? match.Groups.Cast<Group>().Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0;
    }

    private static long Count(Match match) => match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"^([\d.]+)(us|ms|s|m)$")]
    private static partial Regex Duration();
}
