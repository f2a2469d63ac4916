using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using AmbassadorNet.Orchestration.Logging;

namespace AmbassadorNet.SystemTestKit;

/// <summary>Keeps every line, so a test can see which processes the orchestrator started and what they wrote.</summary>
public sealed partial class RecordingLogSink : ILogSink
{
    private readonly ConcurrentQueue<(string Source, string Line, LogStream Stream)> _lines = new();

    public void Write(string source, string line, LogStream stream) => _lines.Enqueue((source, line, stream));

    public IReadOnlyList<string> LinesOf(string source) => [.. _lines.Where(l => l.Source == source).Select(l => l.Line)];

    /// <summary>The pids of every process started as a service (not the --migrate-only runs).</summary>
    public IReadOnlyList<int> StartedPids() =>
        [.. _lines.Where(l => l.Stream == LogStream.Orchestrator).Select(l => StartedLine().Match(l.Line))
            .Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"^started \(pid (\d+)\)")]
    private static partial Regex StartedLine();
}
