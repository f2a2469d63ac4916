using AmbassadorNet.Orchestration.Composition;
using AmbassadorNet.Orchestration.Running;
using AmbassadorNet.ServiceDefaults.Time;
using AmbassadorNet.SystemTestKit;

namespace EndToEnd.Tests;

/// <summary>
/// The system exactly as the AppHost declares it, except two things a journey across days needs:
/// every process runs in the Testing environment and reads one clock-offset file, so the test moves
/// time for the whole system with one write; and the payouts release job waits an hour between
/// passes, so the release the test asks for is the one that moves the money.
/// </summary>
public sealed class JourneySystem : IAsyncLifetime
{
    private readonly string _clockFile = Path.Combine(Path.GetTempPath(), $"amb-e2e-clock-{Guid.NewGuid():N}");
    private TestSystemSettings _settings = null!;

    public AmbassadorNetSystem System { get; private set; } = null!;

    public RunningSystem Running { get; private set; } = null!;

    public RecordingLogSink Logs { get; } = new();

    public Uri Gateway => System.Gateway.Url;

    public string OperatorKey => System.OperatorKey;

    public async ValueTask InitializeAsync()
    {
        ClockOffsetFile.Write(_clockFile, TimeSpan.Zero);
        _settings = await TestSystemSettings.CreateAsync();
        System = AmbassadorNetSystem.Declare(_settings.Settings);
        TestSystemSettings.Scale(System.Declaration);
        System.Declaration.EnvironmentName = "Testing";
        System.Declaration.CommonSettings["Clock:OffsetFile"] = _clockFile;
        System.Declaration.Services.Single(s => s.Name == "payouts").WithSetting("Payouts:ReleaseInterval", "01:00:00");
        Running = await System.Declaration.StartAsync(Logs, TestContext.Current.CancellationToken);
    }

    /// <summary>Every service's clock runs <paramref name="offset"/> ahead of real time from now on.</summary>
    public void MoveClock(TimeSpan offset) => ClockOffsetFile.Write(_clockFile, offset);

    public async ValueTask DisposeAsync()
    {
        if (Running is not null)
        {
            await Running.StopAsync();
        }

        System?.Dispose();
        if (_settings is not null)
        {
            await _settings.DisposeAsync();
        }

        File.Delete(_clockFile);
    }
}
