using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AmbassadorNet.ServiceDefaults.Lifetime;

/// <summary>
/// Stops the service gracefully when the process named by <c>AMB_PARENT_PID</c> is gone, so a
/// service started by the AppHost (or a test) never outlives it, even after a kill -9 that gave the
/// parent no chance to stop its children. Without the variable it does nothing.
/// </summary>
public sealed class ParentProcessWatcher(IHostApplicationLifetime lifetime, ILogger<ParentProcessWatcher> logger) : BackgroundService
{
    /// <summary>The AppHost's orchestration library sets this on every child it starts.</summary>
    public const string ParentPidVariable = "AMB_PARENT_PID";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(ParentPidVariable), CultureInfo.InvariantCulture, out var parentPid))
        {
            return;
        }

        var parent = ParentIdentity.Of(parentPid);
        using var timer = new PeriodicTimer(PollInterval);
        while (parent.IsAlive())
        {
            if (!await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }

        logger.LogWarning("Parent process {ParentPid} is gone; stopping", parentPid);
        lifetime.StopApplication();
    }

    /// <summary>
    /// A pid plus what tells it apart from a later process reusing the number. On Linux a killed
    /// parent stays a zombie until its own parent reaps it, and a zombie still has a /proc entry, so
    /// "the pid exists" is not enough: the state and the start time are read from /proc/{pid}/stat.
    /// </summary>
    private sealed record ParentIdentity(int Pid, string? StartTime)
    {
        public static ParentIdentity Of(int pid) => new(pid, OperatingSystem.IsLinux() ? ReadStat(pid)?.StartTime : null);

        public bool IsAlive()
        {
            if (OperatingSystem.IsLinux())
            {
                return ReadStat(Pid) is { } stat && stat.State is not ("Z" or "X") && stat.StartTime == StartTime;
            }

            try
            {
                using var process = Process.GetProcessById(Pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false; // no such process
            }
        }

        private static (string State, string StartTime)? ReadStat(int pid)
        {
            try
            {
                // "pid (comm) state ppid ..."; comm may hold spaces or parentheses, so split after the last ')'.
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return (fields[0], fields[19]); // fields 3 (state) and 22 (starttime) of proc(5)
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}

public static class ParentProcessWatcherRegistration
{
    public static IServiceCollection AddParentProcessWatcher(this IServiceCollection services) =>
        services.AddHostedService<ParentProcessWatcher>();
}
