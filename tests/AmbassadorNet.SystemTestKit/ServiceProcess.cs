using System.Globalization;
using System.Net.Sockets;

namespace AmbassadorNet.SystemTestKit;

/// <summary>
/// A service's own process, as Linux sees it. Aspire runs a project as <c>dotnet run --no-build</c>
/// and reports that wrapper's pid; the service is the wrapper's child. A test that kills a service
/// kills the child and proves it died by its port closing, not only by the wrapper exiting.
/// </summary>
public static class ServiceProcess
{
    /// <summary>The direct children of <paramref name="parent"/>, read from /proc.</summary>
    public static IReadOnlyList<int> ChildrenOf(int parent) => [.. All().Where(pid => ParentOf(pid) == parent)];

    /// <summary>Live processes whose command line contains <paramref name="text"/>.</summary>
    public static IReadOnlyList<int> WithCommandLineContaining(string text) =>
        [.. All().Where(pid => IsRunning(pid) && CommandLine(pid).Contains(text, StringComparison.Ordinal))];

    /// <summary>Live processes whose environment holds <paramref name="text"/> (a test's database prefix marks its system's processes).</summary>
    public static IReadOnlyList<int> WithEnvironmentContaining(string text) =>
        [.. All().Where(pid => IsRunning(pid) && Environment(pid).Contains(text, StringComparison.Ordinal))];

    /// <summary>The environment variables a process was started with.</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentOf(int pid) =>
        Environment(pid).Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(entry => entry.Contains('='))
            .Select(entry => (Name: entry[..entry.IndexOf('=')], Value: entry[(entry.IndexOf('=') + 1)..]))
            .DistinctBy(variable => variable.Name)
            .ToDictionary(variable => variable.Name, variable => variable.Value, StringComparer.Ordinal);

    /// <summary>Every process below <paramref name="ancestor"/>: children, their children, and so on.</summary>
    public static IReadOnlyList<int> DescendantsOf(int ancestor)
    {
        var found = new List<int>();
        var frontier = new Queue<int>([ancestor]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in ChildrenOf(parent).Where(IsRunning))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>Whether <paramref name="pid"/> is a live process (a zombie counts as dead).</summary>
    public static bool IsRunning(int pid) => Stat(pid) is { } stat && StateOf(stat) != 'Z';

    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static IEnumerable<int> All() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture));

    private static string Environment(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>Whether something accepts connections on the loopback port.</summary>
    public static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static int? ParentOf(int pid) =>
        Stat(pid) is { } stat ? int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture) : null;

    private static char StateOf(string stat) => stat[stat.LastIndexOf(')') + 2];

    /// <remarks>The command name in parentheses may hold spaces; the fields after its closing parenthesis do not.</remarks>
    private static string? Stat(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
    }
}
