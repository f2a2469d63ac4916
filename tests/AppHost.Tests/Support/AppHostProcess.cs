using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AmbassadorNet.AppHost;
using AmbassadorNet.AppHost.Composition;

namespace AppHost.Tests.Support;

/// <summary>
/// The real AppHost executable as ./run.sh starts it (dotnet AmbassadorNet.AppHost.dll), configured
/// by environment variables like a developer would, with the dashboard on free ports.
/// </summary>
public sealed class AppHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppHostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Output => [.. _output];

    public static AppHostProcess Start(SystemSettings settings)
    {
        var startInfo = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add(BuiltAppHost());
        foreach (var argument in (settings with { GatewayPort = 0, GatewayGrpcPort = 0 }).ToArguments())
        {
            var (name, value) = (argument[..argument.IndexOf('=')], argument[(argument.IndexOf('=') + 1)..]);
            startInfo.Environment[name] = value;
        }

        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}";
        startInfo.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort()}";
        startInfo.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort()}";
        startInfo.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        var host = new AppHostProcess(new Process { StartInfo = startInfo });
        host._process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for the summary the AppHost prints once the gateway, and so every service, is healthy.</summary>
    public async Task WaitUntilRunningAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_running.Task, exited, Task.Delay(timeout));
        if (first != _running.Task)
        {
            throw new TimeoutException($"The AppHost did not report running ({(first == exited ? $"it exited with {_process.ExitCode}" : "timed out")}); its last lines:{Environment.NewLine}{string.Join(Environment.NewLine, Output.TakeLast(60))}");
        }
    }

    /// <summary>SIGKILL: the AppHost gets no chance to stop anything itself.</summary>
    public void KillHard() => _process.Kill();

    /// <summary>SIGTERM, as ./run.sh passes it on (exec) or a service manager sends it.</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (line.StartsWith(LocalDashboard.RunningMarker, StringComparison.Ordinal))
        {
            _running.TrySetResult();
        }
    }

    /// <summary>artifacts/bin/AmbassadorNet.AppHost/{configuration}/, beside this test's own build output (UseArtifactsOutput).</summary>
    private static string BuiltAppHost()
    {
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(own.Parent!.Parent!.FullName, "AmbassadorNet.AppHost", own.Name, "AmbassadorNet.AppHost.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
