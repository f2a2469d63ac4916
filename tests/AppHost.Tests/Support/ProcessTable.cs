namespace AppHost.Tests.Support;

/// <summary>
/// Which processes run, read from /proc (Linux). A process that exited but was not reaped (a zombie,
/// e.g. an orphan whose new parent does not wait) counts as gone: it runs no code and holds no port.
/// </summary>
public static class ProcessTable
{
    public static IReadOnlyList<int> ChildrenOf(int parentPid) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Stat(pid) is { } stat && stat.ParentPid == parentPid && stat.State != "Z")];

    public static bool IsRunning(int pid) => Stat(pid) is { State: not ("Z" or "X") };

    /// <summary>The command line, to name a process in a failure message.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "(gone)";
        }
    }

    private static (string State, int ParentPid)? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0], int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
