using System.Diagnostics;
using AmbassadorNet.Orchestration.Declaration;
using AmbassadorNet.Orchestration.Infrastructure;
using AmbassadorNet.Orchestration.Logging;
using AmbassadorNet.Orchestration.Processes;

namespace AmbassadorNet.Orchestration.Running;

public static class SystemStart
{
    private const string ServersHint = "Start it with scripts/servers.sh, or point AMB_PG_* / AMB_RABBIT_* at a running one.";

    /// <summary>
    /// Migrates every service at once (each needs only the servers), then starts each as soon as the
    /// services it waits for are ready. The first failure stops everything already started and is
    /// thrown as a <see cref="ServiceStartException"/> naming the service.
    /// </summary>
    public static async Task<RunningSystem> StartAsync(this SystemDeclaration declaration, ILogSink sink, CancellationToken cancellationToken = default)
    {
        var depths = StartOrder.Depths(declaration.Services);
        foreach (var missing in declaration.Services.Where(s => !File.Exists(s.DllPath)))
        {
            throw new ServiceStartException(missing.Name, $"{missing.DllPath} does not exist (build it first)", []);
        }

        await EnsureServersAsync(declaration, cancellationToken);
        var clock = Stopwatch.StartNew();
        var system = new RunningSystem(declaration, sink);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ready = new Dictionary<ServiceResource, Task>();
        foreach (var service in declaration.Services.OrderBy(s => depths[s]))
        {
            Task[] dependencies = [.. service.Dependencies.Select(d => ready[d])];
            ready[service] = StartServiceAsync(declaration, service, depths[service], dependencies, system, sink, clock, failed);
        }

        try
        {
            await Task.WhenAll(ready.Values);
        }
        catch
        {
            await system.StopAsync();
            var failure = ready.Values.Select(t => t.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException);
            if (failure is not null)
            {
                throw failure;
            }

            throw;
        }

        system.StartupTime = clock.Elapsed;
        return system;
    }

    private static async Task StartServiceAsync(
        SystemDeclaration declaration, ServiceResource service, int depth, Task[] dependencies,
        RunningSystem system, ILogSink sink, Stopwatch clock, CancellationTokenSource failed)
    {
        try
        {
            var environment = ChildEnvironment.For(declaration, service);
            if (service.RunsMigrations)
            {
                await Migration.RunAsync(service, environment, declaration.MigrationTimeout, sink, failed.Token);
            }

            await WaitForDependenciesAsync(dependencies, failed.Token);
            var child = ChildProcess.Start(service.Name, service.DllPath, [], environment, sink);
            var running = new RunningService(service, child, depth);
            system.Add(running);
            sink.Write(service.Name, $"started (pid {child.Id}) on {service.Url}", LogStream.Orchestrator);
            await Readiness.WaitAsync(service, child, declaration.ReadinessTimeout, failed.Token);
            running.ReadyAfter = clock.Elapsed;
            sink.Write(service.Name, $"ready after {clock.Elapsed.TotalSeconds:0.0} s", LogStream.Orchestrator);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await failed.CancelAsync(); // the others stop waiting; this failure is the one reported
            throw;
        }
    }

    /// <summary>A failed dependency reports itself; its dependents only stop waiting.</summary>
    private static async Task WaitForDependenciesAsync(Task[] dependencies, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(dependencies).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new OperationCanceledException("A service this one waits for failed to start.", e);
        }
    }

    private static async Task EnsureServersAsync(SystemDeclaration declaration, CancellationToken cancellationToken)
    {
        if (declaration.Services.Any(s => s.DatabaseName is not null))
        {
            await ServerReachability.EnsureReachableAsync("PostgreSQL", declaration.Postgres.Host, declaration.Postgres.Port, ServersHint, cancellationToken);
        }

        if (declaration.Services.Any(s => s.UsesBroker))
        {
            await ServerReachability.EnsureReachableAsync("RabbitMQ", declaration.RabbitMq.Host, declaration.RabbitMq.Port, ServersHint, cancellationToken);
        }
    }
}
