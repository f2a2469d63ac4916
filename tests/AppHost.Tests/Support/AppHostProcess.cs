using System.Diagnostics;
using AmbassadorNet.AppHost;
using AmbassadorNet.Orchestration.Composition;
using AmbassadorNet.Orchestration.Processes;

namespace AppHost.Tests.Support;

/// <summary>The real AppHost executable as a child of the test, configured by environment variables like a developer would.</summary>
public sealed class AppHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppHostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public OutputTail Output { get; } = new(200);

    public bool HasExited => _process.HasExited;

    public static AppHostProcess Start(SystemSettings settings)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        startInfo.ArgumentList.Add(ServiceBinaries.NextToThisProcess().Dll("AmbassadorNet.AppHost"));
        startInfo.Environment["AMB_PG_HOST"] = settings.Postgres.Host;
        startInfo.Environment["AMB_PG_PORT"] = settings.Postgres.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        startInfo.Environment["AMB_PG_USER"] = settings.Postgres.Username;
        startInfo.Environment["AMB_PG_PASSWORD"] = settings.Postgres.Password;
        startInfo.Environment["AMB_RABBIT_HOST"] = settings.RabbitMq.Host;
        startInfo.Environment["AMB_RABBIT_PORT"] = settings.RabbitMq.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        startInfo.Environment["AMB_RABBIT_USER"] = settings.RabbitMq.Username;
        startInfo.Environment["AMB_RABBIT_PASSWORD"] = settings.RabbitMq.Password;
        startInfo.Environment["AMB_RABBIT_VHOST"] = settings.RabbitMq.VirtualHost;
        startInfo.Environment["AMB_DATABASE_PREFIX"] = settings.DatabasePrefix;
        startInfo.Environment["AMB_GATEWAY_PORT"] = "0";
        startInfo.Environment["AMB_LOG_FORMAT"] = "json";

        var host = new AppHostProcess(new Process { StartInfo = startInfo });
        host._process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        Output.Add(line);
        if (line.StartsWith(Summary.RunningMarker, StringComparison.Ordinal))
        {
            _running.TrySetResult();
        }
    }

    /// <summary>Waits for the summary the AppHost prints once every service is ready.</summary>
    public async Task WaitUntilRunningAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_running.Task, exited, Task.Delay(timeout));
        if (first != _running.Task)
        {
            throw new TimeoutException($"The AppHost did not report running ({(first == exited ? $"it exited with {_process.ExitCode}" : "timed out")}); its last lines:{Environment.NewLine}{string.Join(Environment.NewLine, Output.Lines)}");
        }
    }

    /// <summary>SIGKILL: the AppHost gets no chance to stop its children.</summary>
    public void KillHard() => _process.Kill();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
