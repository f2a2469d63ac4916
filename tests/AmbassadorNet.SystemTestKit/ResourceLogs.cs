using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AmbassadorNet.SystemTestKit;

/// <summary>
/// Every line each resource wrote (the dashboard's console logs), kept per resource so a failing test
/// can say what a service was doing. Aspire.Hosting.Testing forwards each resource's console to the
/// test host's logging under the category <c>{AppHost assembly}.Resources.{resource}</c>; this is the
/// test host's only logger provider, so nothing floods the test runner's output.
/// </summary>
public sealed partial class ResourceLogs : ILoggerProvider
{
    private const string ResourceCategory = "AmbassadorNet.AppHost.Resources.";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _lines = new(StringComparer.Ordinal);

    public IReadOnlyList<string> LinesOf(string resource) =>
        _lines.TryGetValue(resource, out var lines) ? [.. lines] : [];

    /// <summary>The last lines of a resource, stack frames left out, for a failure message.</summary>
    public string Tail(string resource, int count = 30) =>
        string.Join('\n', LinesOf(resource).Where(line => !line.TrimStart().StartsWith("at ", StringComparison.Ordinal)).TakeLast(count));

    /// <summary>
    /// Waits until a resource's log stops growing (at most 5 s): Aspire reports a process's exit before
    /// its last lines have been forwarded.
    /// </summary>
    public async Task SettledAsync(string resource)
    {
        for (var waited = 0; waited < 5000; waited += 250)
        {
            var before = LinesOf(resource).Count;
            await Task.Delay(250);
            if (LinesOf(resource).Count == before && before > 0)
            {
                return;
            }
        }
    }

    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith(ResourceCategory, StringComparison.Ordinal)
            ? new ResourceLogger(_lines.GetOrAdd(categoryName[ResourceCategory.Length..], _ => new ConcurrentQueue<string>()))
            : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    /// <summary>The forwarder writes "{line number}: {timestamp} " before each line the resource wrote.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+: \S+ ")]
    private static partial System.Text.RegularExpressions.Regex ForwardedPrefix();

    private sealed class ResourceLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            foreach (var line in formatter(state, exception).Split('\n'))
            {
                lines.Enqueue(ForwardedPrefix().Replace(line, ""));
            }
        }
    }
}
