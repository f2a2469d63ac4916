namespace AmbassadorNet.Orchestration.Logging;

public enum LogStream
{
    Output,
    Error,

    /// <summary>A line of the orchestrator about the source (started, ready, exited).</summary>
    Orchestrator,
}

/// <summary>Where children's lines go; called concurrently from every child's reader threads.</summary>
public interface ILogSink
{
    void Write(string source, string line, LogStream stream);
}

/// <summary>Drops every line; the tails kept per child still explain failures.</summary>
public sealed class SilentLogSink : ILogSink
{
    public void Write(string source, string line, LogStream stream)
    {
    }
}
