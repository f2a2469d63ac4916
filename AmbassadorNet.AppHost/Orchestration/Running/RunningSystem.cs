using System.Collections.Concurrent;
using AmbassadorNet.Orchestration.Declaration;
using AmbassadorNet.Orchestration.Logging;
using AmbassadorNet.Orchestration.Processes;

namespace AmbassadorNet.Orchestration.Running;

/// <summary>
/// The started children of a system. Stopping sends SIGTERM to dependents before their dependencies
/// (the gateway before the services it forwards to) and kills what has not drained in time. If this
/// process exits or crashes without stopping them, the crash handlers below still ask them to stop.
/// </summary>
public sealed class RunningSystem : IAsyncDisposable
{
    private static readonly TimeSpan CrashStopTimeout = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, RunningService> _services = new(StringComparer.Ordinal);
    private readonly SystemDeclaration _declaration;
    private readonly ILogSink _sink;
    private readonly Lock _stopLock = new();
    private Task? _stopping;

    internal RunningSystem(SystemDeclaration declaration, ILogSink sink)
    {
        _declaration = declaration;
        _sink = sink;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
    }

    /// <summary>Started services in the order they were started.</summary>
    public IReadOnlyList<RunningService> Services => [.. _services.Values.OrderBy(s => s.Depth).ThenBy(s => s.Name, StringComparer.Ordinal)];

    public RunningService this[string name] => _services[name];

    /// <summary>From the start call until every service answered its readiness endpoint.</summary>
    public TimeSpan StartupTime { get; internal set; }

    internal void Add(RunningService service)
    {
        _services[service.Name] = service;
        _ = ReportUnexpectedExitAsync(service);
    }

    private async Task ReportUnexpectedExitAsync(RunningService service)
    {
        var code = await service.Process.Exited.ConfigureAwait(false);
        if (_stopping is null)
        {
            _sink.Write(service.Name, $"exited with code {code}", LogStream.Orchestrator);
        }
    }

    /// <summary>Kills one service at once (SIGKILL), as a crash would: nothing drains, nothing is flushed.</summary>
    public async Task KillAsync(string name)
    {
        var process = this[name].Process;
        process.Kill();
        await process.Exited.ConfigureAwait(false);
    }

    /// <summary>Stops one service as an operator would: SIGTERM, and SIGKILL after the stop timeout.</summary>
    public Task StopServiceAsync(string name) => this[name].Process.StopAsync(_declaration.StopTimeout);

    /// <summary>
    /// Starts a service that stopped or crashed again, on its port and with its environment (no
    /// migration: its database is already there), and returns when it answers its readiness endpoint.
    /// </summary>
    public async Task<RunningService> RestartAsync(string name, CancellationToken cancellationToken = default)
    {
        var previous = this[name];
        if (!previous.Process.HasExited)
        {
            throw new InvalidOperationException($"{name} is still running (pid {previous.Process.Id}); stop or kill it first.");
        }

        var service = previous.Resource;
        var child = ChildProcess.Start(name, service.DllPath, [], ChildEnvironment.For(_declaration, service), _sink);
        var restarted = new RunningService(service, child, previous.Depth);
        Add(restarted);
        previous.Process.Dispose();
        _sink.Write(name, $"restarted (pid {child.Id}) on {service.Url}", LogStream.Orchestrator);
        await Readiness.WaitAsync(service, child, _declaration.ReadinessTimeout, cancellationToken).ConfigureAwait(false);
        _sink.Write(name, "ready again", LogStream.Orchestrator);
        return restarted;
    }

    public Task StopAsync()
    {
        lock (_stopLock)
        {
            return _stopping ??= StopAllAsync();
        }
    }

    private async Task StopAllAsync()
    {
        foreach (var level in _services.Values.GroupBy(s => s.Depth).OrderByDescending(g => g.Key))
        {
            await Task.WhenAll(level.Select(s => s.Process.StopAsync(_declaration.StopTimeout))).ConfigureAwait(false);
        }

        foreach (var service in _services.Values)
        {
            service.Process.Dispose();
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private void OnProcessExit(object? sender, EventArgs e) => StopNow();

    private void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e) => StopNow();

    /// <summary>Crash path: nothing can be awaited, so signal everyone at once, wait briefly, then kill.</summary>
    private void StopNow()
    {
        var alive = _services.Values.Select(s => s.Process).Where(p => !p.HasExited).ToList();
        alive.ForEach(p => p.RequestStop());
        Task.WaitAll([.. alive.Select(p => p.Exited)], CrashStopTimeout);
        alive.Where(p => !p.HasExited).ToList().ForEach(p => p.Kill());
    }
}
