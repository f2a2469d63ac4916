using AmbassadorNet.SystemTestKit;
using AmbassadorNet.TestKit;
using AppHost.Tests.Support;

namespace AppHost.Tests;

/// <summary>
/// The AppHost ./run.sh starts, stopped the two ways it can be: SIGTERM (Ctrl+C in a terminal, or a
/// service manager) and kill -9. Either way no process it started is left behind: Aspire's DCP
/// watches the AppHost and stops every resource when it is gone.
/// </summary>
public sealed class OrphanTests : IAsyncLifetime
{
    private TestSystemSettings _settings = null!;

    public async ValueTask InitializeAsync() => _settings = await TestSystemSettings.CreateAsync();

    public ValueTask DisposeAsync() => _settings.DisposeAsync();

    [Fact]
    public async Task A_terminated_AppHost_stops_every_process_it_started_within_seconds()
    {
        using var appHost = await StartAsync();
        var started = StartedBy(appHost);

        appHost.Terminate();
        await appHost.WaitForExitAsync(TestTimeouts.Scaled(TimeSpan.FromSeconds(30)));

        await AssertAllGoneAsync(started, "the AppHost was terminated");
    }

    [Fact]
    public async Task A_killed_AppHost_leaves_no_process_behind()
    {
        using var appHost = await StartAsync();
        var started = StartedBy(appHost);

        appHost.KillHard();

        await AssertAllGoneAsync(started, "kill -9 of the AppHost");
    }

    /// <summary>Started and running, with each service's own process among those it started.</summary>
    private async Task<AppHostProcess> StartAsync()
    {
        var appHost = AppHostProcess.Start(_settings.Settings);
        try
        {
            await appHost.WaitUntilRunningAsync(TestTimeouts.Scaled(TimeSpan.FromMinutes(4)));
            var commands = StartedBy(appHost).Select(ServiceProcess.CommandLine).ToList();
            foreach (var project in new[] { "Gateway", "Creators", "Campaigns", "Tracking", "Payouts", "Analytics", "Webhooks" })
            {
                Assert.Contains(commands, command => command.EndsWith($"/AmbassadorNet.{project}", StringComparison.Ordinal));
            }

            return appHost;
        }
        catch
        {
            appHost.Dispose(); // SIGKILL: DCP then stops what the AppHost started
            throw;
        }
    }

    /// <summary>
    /// DCP detaches from the AppHost (it is not its child) and watches it with <c>--monitor {pid}</c>;
    /// the services and their dotnet run wrappers carry this test's database prefix in their environment.
    /// </summary>
    private IReadOnlyList<int> StartedBy(AppHostProcess appHost)
    {
        var dcp = ServiceProcess.WithCommandLineContaining($"--monitor {appHost.Id}");
        Assert.NotEmpty(dcp);
        return [.. dcp.SelectMany(pid => ServiceProcess.DescendantsOf(pid).Prepend(pid))
            .Concat(ServiceProcess.WithEnvironmentContaining(_settings.Settings.DatabasePrefix))
            .Concat(ServiceProcess.DescendantsOf(appHost.Id))
            .Where(pid => pid != appHost.Id)
            .Distinct()];
    }

    private static async Task AssertAllGoneAsync(IReadOnlyList<int> processes, string after)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var deadline = TestTimeouts.Scaled(TimeSpan.FromSeconds(30));
        while (processes.Any(ServiceProcess.IsRunning) && clock.Elapsed < deadline)
        {
            await Task.Delay(100);
        }

        var survivors = processes.Where(ServiceProcess.IsRunning).ToDictionary(pid => pid, ServiceProcess.CommandLine);
        survivors.Keys.ToList().ForEach(pid => System.Diagnostics.Process.GetProcessById(pid).Kill()); // never leave them running, even when failing
        Assert.True(survivors.Count == 0, $"Still running {deadline.TotalSeconds:0} s after {after}: {string.Join("; ", survivors.Select(s => $"{s.Key} {s.Value}"))}");
        TestContext.Current.SendDiagnosticMessage($"{processes.Count} processes gone {clock.ElapsedMilliseconds} ms after {after}");
    }
}
