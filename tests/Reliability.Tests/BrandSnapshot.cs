using System.Net;
using System.Text.RegularExpressions;
using AmbassadorNet.SystemTestKit;

namespace Reliability.Tests;

/// <summary>Everything a brand can read: the status and body of every GET route case, to prove that nothing changed.</summary>
public static partial class BrandSnapshot
{
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(GatewayClient client, IEnumerable<RouteCase> cases)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var read in cases.Where(c => c.Method == "GET"))
        {
            var (status, body) = await client.SendRawAsync(HttpMethod.Get, read.Path);
            snapshot[read.Path] = $"{(int)status} {TraceId().Replace(body, "")}";
        }

        return snapshot;
    }

    /// <summary>The paths whose answer differs, with both answers, for the assertion message.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys)
            .Where(path => !string.Equals(before.GetValueOrDefault(path), after.GetValueOrDefault(path), StringComparison.Ordinal))
            .Select(path => $"{path}\n  before: {Cut(before.GetValueOrDefault(path))}\n  after:  {Cut(after.GetValueOrDefault(path))}")];

    public static bool IsProblem(HttpStatusCode status, string body) =>
        (int)status is >= 400 and < 500 && body.Contains("\"status\"", StringComparison.Ordinal) && body.Contains("\"title\"", StringComparison.Ordinal);

    /// <summary>A problem's traceId differs on every request; it is not data.</summary>
    [GeneratedRegex("\"traceId\":\"[0-9a-f]*\"")]
    private static partial Regex TraceId();

    private static string? Cut(string? text) => text is { Length: > 400 } ? text[..400] + "…" : text;
}
