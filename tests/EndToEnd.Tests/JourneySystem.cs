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

    public TestSystem System { get; private set; } = null!;

    public Uri Gateway => System.Gateway;

    public string OperatorKey => System.OperatorKey;

    public async ValueTask InitializeAsync()
    {
        ClockOffsetFile.Write(_clockFile, TimeSpan.Zero);
        var options = new TestSystemOptions { EnvironmentName = "Testing" }.WithSetting("payouts", "Payouts:ReleaseInterval", "01:00:00");
        options.CommonSettings["Clock:OffsetFile"] = _clockFile;
        System = await TestSystem.StartAsync(options, TestContext.Current.CancellationToken);
    }

    /// <summary>How far every service's clock runs ahead of real time: the journey moves it, and later tests' orders must follow.</summary>
    public TimeSpan ClockOffset { get; private set; }

    /// <summary>Every service's clock runs <paramref name="offset"/> ahead of real time from now on.</summary>
    public void MoveClock(TimeSpan offset)
    {
        ClockOffsetFile.Write(_clockFile, offset);
        ClockOffset = offset;
    }

    public async ValueTask DisposeAsync()
    {
        if (System is not null)
        {
            await System.DisposeAsync();
        }

        File.Delete(_clockFile);
    }
}
