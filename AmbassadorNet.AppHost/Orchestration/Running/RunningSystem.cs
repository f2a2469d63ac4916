using System.Collections.Concurrent;
using AmbassadorNet.Orchestration.Declaration;
using AmbassadorNet.Orchestration.Logging;

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
