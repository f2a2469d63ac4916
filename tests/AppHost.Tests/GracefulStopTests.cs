using AmbassadorNet.SystemTestKit;
using System.Diagnostics;
using AmbassadorNet.Orchestration.Composition;
using AmbassadorNet.Orchestration.Running;
using AmbassadorNet.Security;
using AppHost.Tests.Support;

namespace AppHost.Tests;

/// <summary>Stopping sends SIGTERM, not .NET's Process.Kill (SIGKILL), so a service drains and exits 0.</summary>
public sealed class GracefulStopTests : IAsyncLifetime
{
    private TestSystemSettings _settings = null!;

    public async ValueTask InitializeAsync() => _settings = await TestSystemSettings.CreateAsync();

    public ValueTask DisposeAsync() => _settings.DisposeAsync();

    [Fact]
    public async Task Stopping_lets_a_service_shut_down_gracefully_and_exit_0()
    {
        using var key = InternalKeys.Generate();
        var declaration = _settings.NewDeclaration();
        declaration.AddService("creators", ServiceBinaries.NextToThisProcess().Dll("AmbassadorNet.Creators"))
            .WithDatabase()
            .WithBroker()
            .WithSetting("InternalAuth:Audience", InternalToken.AudienceFor("creators"))
            .WithSetting($"InternalAuth:PublicKeys:{key.KeyId}", key.PublicKeyPem);
        var running = await declaration.StartAsync(new RecordingLogSink());
        var creators = running["creators"];

        var clock = Stopwatch.StartNew();
        await running.StopAsync();

        Assert.Equal(0, await creators.Process.Exited);
        Assert.Contains(creators.Process.Tail.Lines, line => line.Contains("Application is shutting down", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < declaration.StopTimeout, $"stopping took {clock.Elapsed}: it was killed, not drained");
        TestContext.Current.SendDiagnosticMessage($"creators drained and exited {clock.ElapsedMilliseconds} ms after SIGTERM");
    }
}
