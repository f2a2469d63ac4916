using AmbassadorNet.SystemTestKit;
using AmbassadorNet.Orchestration.Composition;
using AmbassadorNet.TestKit;
using AppHost.Tests.Support;

namespace AppHost.Tests;

/// <summary>kill -9 of a real AppHost process: every service notices its parent is gone and exits on its own.</summary>
public sealed class OrphanTests : IAsyncLifetime
{
    private TestSystemSettings _settings = null!;

    public async ValueTask InitializeAsync() => _settings = await TestSystemSettings.CreateAsync();

    public ValueTask DisposeAsync() => _settings.DisposeAsync();

    [Fact]
    public async Task A_killed_AppHost_leaves_no_child_process_behind()
    {
        int declared;
        using (var declaration = AmbassadorNetSystem.Declare(_settings.Settings))
        {
            declared = declaration.Declaration.Services.Count;
        }

        using var appHost = AppHostProcess.Start(_settings.Settings);
        await appHost.WaitUntilRunningAsync(TestTimeouts.Scaled(TimeSpan.FromSeconds(90)));
        // /proc is read while the system settles; wait until every declared child is seen.
        await Poll.UntilAsync(() => ProcessTable.ChildrenOf(appHost.Id).Count == declared, TestTimeouts.Scaled(TimeSpan.FromSeconds(10)));
        var children = ProcessTable.ChildrenOf(appHost.Id);
        Assert.Equal(declared, children.Count);

        appHost.KillHard();
        var allGone = await Poll.UntilAsync(() => children.All(pid => !ProcessTable.IsRunning(pid)), TestTimeouts.Scaled(TimeSpan.FromSeconds(10)));

        var survivors = children.Where(ProcessTable.IsRunning).ToDictionary(pid => pid, ProcessTable.CommandLine);
        survivors.Keys.ToList().ForEach(pid => System.Diagnostics.Process.GetProcessById(pid).Kill()); // never leave them running, even when failing
        Assert.True(allGone is not null, $"Still running 10 s after the AppHost was killed: {string.Join("; ", survivors.Select(s => $"{s.Key} {s.Value}"))}");
        TestContext.Current.SendDiagnosticMessage($"{children.Count} children exited {allGone!.Value.TotalMilliseconds:0} ms after kill -9 of the AppHost");
    }
}
