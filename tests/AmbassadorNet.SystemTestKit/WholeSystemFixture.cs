using Xunit;
using AmbassadorNet.Orchestration.Composition;
using AmbassadorNet.Orchestration.Running;

namespace AmbassadorNet.SystemTestKit;

/// <summary>The system exactly as the AppHost declares it, started once for the class through the library.</summary>
public sealed class WholeSystemFixture : IAsyncLifetime
{
    private TestSystemSettings _settings = null!;

    /// <summary>Changes the servers' settings before the start, e.g. to put a fault-injecting proxy in front of them.</summary>
    public Func<SystemSettings, SystemSettings>? AdjustSettings { get; init; }

    /// <summary>Changes the declaration before the start (environment, settings of one service).</summary>
    public Action<AmbassadorNetSystem>? Configure { get; init; }

    public AmbassadorNetSystem System { get; private set; } = null!;

    public RunningSystem Running { get; private set; } = null!;

    public RecordingLogSink Logs { get; } = new();

    /// <summary>The shared servers' names for this system: its vhost (for queue idleness) and database prefix.</summary>
    public TestSystemSettings Settings => _settings;

    public async ValueTask InitializeAsync()
    {
        _settings = await TestSystemSettings.CreateAsync(AdjustSettings);
        System = AmbassadorNetSystem.Declare(_settings.Settings);
        TestSystemSettings.Scale(System.Declaration);
        Configure?.Invoke(System);
        Running = await System.Declaration.StartAsync(Logs, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Running is not null)
        {
            await Running.StopAsync();
        }

        System?.Dispose();
        await _settings.DisposeAsync();
    }
}
