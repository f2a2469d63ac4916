using System.Diagnostics;
using AmbassadorNet.Orchestration.Logging;

namespace AmbassadorNet.Orchestration.Processes;

/// <summary>
/// A child process whose output goes, line by line, to a log sink under its name and into a tail
/// kept for error messages. Every child learns our pid (AMB_PARENT_PID) and stops when we are gone.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    /// <summary>Read by ServiceDefaults' ParentProcessWatcher in every service.</summary>
    public const string ParentPidVariable = "AMB_PARENT_PID";

    private readonly Process _process;
    private readonly ILogSink _sink;

    private ChildProcess(string name, Process process, ILogSink sink)
    {
        Name = name;
        _process = process;
        _sink = sink;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public OutputTail Tail { get; } = new();

    /// <summary>Completes with the exit code once the process has exited and its output is read to the end.</summary>
    public Task<int> Exited { get; private set; } = null!;

    public bool HasExited => Exited.IsCompleted;

    public static ChildProcess Start(string name, string dllPath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, ILogSink sink)
    {
        var startInfo = new ProcessStartInfo(DotnetHost.Path)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Children never read the terminal; Ctrl+C reaches them through the process group anyway.
            RedirectStandardInput = true,
            // The content root (appsettings.json) is the working directory, so run next to the dll.
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dllPath)),
        };
        startInfo.ArgumentList.Add(dllPath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        startInfo.Environment[ParentPidVariable] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var child = new ChildProcess(name, new Process { StartInfo = startInfo }, sink);
        child.Run();
        return child;
    }

    private void Run()
    {
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, LogStream.Output);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, LogStream.Error);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Exited = WaitForExitAsync();
    }

    private async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().ConfigureAwait(false);
        return _process.ExitCode;
    }

    private void OnLine(string? line, LogStream stream)
    {
        if (line is null)
        {
            return; // end of the stream
        }

        Tail.Add(line);
        _sink.Write(Name, line, stream);
    }

    /// <summary>SIGTERM, then SIGKILL if it has not exited within <paramref name="timeout"/>.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (HasExited)
        {
            return;
        }

        if (Signals.TryTerminate(_process))
        {
            using var grace = new CancellationTokenSource(timeout);
            try
            {
                await Exited.WaitAsync(grace.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException)
            {
                _sink.Write(Name, $"did not stop within {timeout.TotalSeconds:0} s of SIGTERM; killing it", LogStream.Orchestrator);
            }
        }

        Kill();
        await Exited.ConfigureAwait(false);
    }

    /// <summary>SIGTERM without waiting: for crash paths that cannot await.</summary>
    public void RequestStop()
    {
        if (!HasExited && !Signals.TryTerminate(_process))
        {
            Kill();
        }
    }

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it exited in the meantime
        }
    }

    public void Dispose() => _process.Dispose();
}
