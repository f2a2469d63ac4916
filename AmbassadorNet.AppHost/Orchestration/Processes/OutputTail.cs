namespace AmbassadorNet.Orchestration.Processes;

/// <summary>The last lines a process wrote, for the error that explains why it failed.</summary>
public sealed class OutputTail(int capacity = 200)
{
    private readonly Queue<string> _lines = new();

    public void Add(string line)
    {
        lock (_lines)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>
    /// The last <paramref name="count"/> lines without stack frames: a crash's frames would push its
    /// exception type and message (the part that says what went wrong) out of any short excerpt.
    /// </summary>
    public IReadOnlyList<string> Excerpt(int count = 30) =>
        [.. Lines.Where(line => !IsStackFrame(line)).TakeLast(count)];

    private static bool IsStackFrame(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("at ", StringComparison.Ordinal) || trimmed.StartsWith("--- End of", StringComparison.Ordinal);
    }
}
