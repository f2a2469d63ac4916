namespace AmbassadorNet.Orchestration.Running;

/// <summary>A service could not be started: which one, why, and the last lines it wrote.</summary>
public sealed class ServiceStartException(string service, string reason, IReadOnlyList<string> lastLines)
    : Exception(Describe(service, reason, lastLines))
{
    public string Service { get; } = service;

    public string Reason { get; } = reason;

    public IReadOnlyList<string> LastLines { get; } = lastLines;

    private static string Describe(string service, string reason, IReadOnlyList<string> lastLines) =>
        lastLines.Count == 0
            ? $"{service} failed to start: {reason}. It wrote nothing."
            : $"{service} failed to start: {reason}. Its last lines (stack frames left out):{Environment.NewLine}"
              + string.Join(Environment.NewLine, lastLines.Select(line => "  " + line));
}
