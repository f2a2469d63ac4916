using AmbassadorNet.SystemTestKit;
using AmbassadorNet.Orchestration.Composition;
using AmbassadorNet.Orchestration.Declaration;
using AmbassadorNet.Orchestration.Running;
using AppHost.Tests.Support;

namespace AppHost.Tests;

/// <summary>A service that cannot start is named in the error, with its own last words, and nothing stays running.</summary>
public sealed class StartFailureTests : IAsyncLifetime
{
    private TestSystemSettings _settings = null!;

    public async ValueTask InitializeAsync() => _settings = await TestSystemSettings.CreateAsync();

    public ValueTask DisposeAsync() => _settings.DisposeAsync();

    [Fact]
    public async Task A_service_whose_database_cannot_be_reached_is_named_with_its_migration_output()
    {
        using var system = AmbassadorNetSystem.Declare(_settings.Settings);
        TestSystemSettings.Scale(system.Declaration);
        using var nothingListens = new RefusedPort();
        system.Declaration.Services.Single(s => s.Name == "creators")
            .WithSetting("Database:ConnectionString", $"Host=127.0.0.1;Port={nothingListens.Url.Port};Username=amb;Password=amb;Database=ambt_unreachable");
        var logs = new RecordingLogSink();

        var failure = await Assert.ThrowsAsync<ServiceStartException>(() => system.Declaration.StartAsync(logs));

        Assert.Equal("creators", failure.Service);
        Assert.Contains("--migrate-only exited with code", failure.Message, StringComparison.Ordinal);
        Assert.Contains(failure.LastLines, line => line.Contains("refused", StringComparison.OrdinalIgnoreCase));
        Assert.All(logs.StartedPids(), pid => Assert.False(ProcessTable.IsRunning(pid), $"pid {pid} still runs"));
    }

    [Fact]
    public async Task A_service_that_exits_at_once_is_named_and_the_services_started_beside_it_are_stopped()
    {
        using var system = AmbassadorNetSystem.Declare(_settings.Settings);
        TestSystemSettings.Scale(system.Declaration);
        // Migrations do not validate the token settings; starting does, and refuses to run without an audience.
        system.AddService("misconfigured", "AmbassadorNet.Creators").WithSetting("InternalAuth:Audience", "");
        var logs = new RecordingLogSink();

        var failure = await Assert.ThrowsAsync<ServiceStartException>(() => system.Declaration.StartAsync(logs));

        Assert.Equal("misconfigured", failure.Service);
        Assert.Matches("exited with code -?[0-9]+ before it was ready", failure.Reason);
        Assert.Contains(failure.LastLines, line => line.Contains("Audience", StringComparison.Ordinal));
        Assert.NotEmpty(logs.StartedPids());
        Assert.All(logs.StartedPids(), pid => Assert.False(ProcessTable.IsRunning(pid), $"pid {pid} still runs"));
    }

    [Fact]
    public async Task A_service_whose_dll_is_missing_is_named_before_anything_starts()
    {
        var declaration = _settings.NewDeclaration();
        declaration.AddService("ghost", "/nonexistent/AmbassadorNet.Ghost.dll");
        var logs = new RecordingLogSink();

        var failure = await Assert.ThrowsAsync<ServiceStartException>(() => declaration.StartAsync(logs));

        Assert.Equal("ghost", failure.Service);
        Assert.Contains("/nonexistent/AmbassadorNet.Ghost.dll does not exist", failure.Message, StringComparison.Ordinal);
        Assert.Empty(logs.StartedPids());
    }

    [Fact]
    public async Task Services_that_wait_for_each_other_are_refused_as_a_cycle()
    {
        var declaration = _settings.NewDeclaration();
        var first = declaration.AddService("first", typeof(StartFailureTests).Assembly.Location);
        var second = declaration.AddService("second", typeof(StartFailureTests).Assembly.Location);
        first.WaitFor(second);
        second.WaitFor(first);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => declaration.StartAsync(new RecordingLogSink()));

        Assert.Contains("first → second → first", failure.Message, StringComparison.Ordinal);
    }
}
