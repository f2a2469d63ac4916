using System.Runtime.InteropServices;
using AmbassadorNet.AppHost;
using AmbassadorNet.Orchestration.Composition;
using AmbassadorNet.Orchestration.Infrastructure;
using AmbassadorNet.Orchestration.Logging;
using AmbassadorNet.Orchestration.Running;

// Ctrl+C and SIGTERM stop the system gracefully, also while it is still starting.
using var shutdown = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

using var system = AmbassadorNetSystem.Declare(SystemSettings.FromEnvironment());
// A loaded or slow machine may need longer than a minute for a service to become ready.
if (int.TryParse(Environment.GetEnvironmentVariable("AMB_READINESS_TIMEOUT_SECONDS"), out var readinessSeconds) && readinessSeconds > 0)
{
    system.Declaration.ReadinessTimeout = TimeSpan.FromSeconds(readinessSeconds);
}

var sink = ConsoleLogSink.ForConsole();
RunningSystem running;
try
{
    running = await system.Declaration.StartAsync(sink, shutdown.Token);
}
catch (Exception e) when (e is ServiceStartException or InfrastructureUnavailableException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
{
    return 0;
}

await using (running)
{
    Summary.Print(Console.Out, system, running);
    await Task.Delay(Timeout.Infinite, shutdown.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    Console.Out.WriteLine("Stopping...");
}

Console.Out.WriteLine("Stopped.");
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true; // we stop the children ourselves, then exit
    shutdown.Cancel();
}
