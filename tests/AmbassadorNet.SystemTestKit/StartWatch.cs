using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AmbassadorNet.SystemTestKit;

/// <summary>
/// Waits for a resource to become healthy, and fails at once, naming the resource and its last log
/// lines, when any resource fails on the way: a migration that exits non-zero, a service that exits.
/// Aspire itself would only leave the waiting resource waiting.
/// </summary>
internal sealed class StartWatch(DistributedApplication app, ResourceLogs logs)
{
    /// <summary>
    /// Starts the app and waits for <paramref name="resource"/> to be healthy. Aspire's StartAsync
    /// itself waits until every resource was created, which never happens when one a resource waits
    /// for has died, so the watch runs beside it and cancels it on the first failure.
    /// </summary>
    public static async Task StartAsync(DistributedApplication app, ResourceLogs logs, string resource, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = new StartWatch(app, logs).UntilHealthyAsync(resource, DateTime.UtcNow, timeout, abandon.Token);
        var start = app.StartAsync(abandon.Token);
        if (await Task.WhenAny(watch, start) == watch && !watch.IsCompletedSuccessfully)
        {
            await abandon.CancelAsync();
            await start.ContinueWith(_ => { }, TaskScheduler.Default); // its cancellation says nothing new
            await watch; // throws the failure it saw
        }

        await Task.WhenAll(watch, start);
    }

    /// <param name="since">When the start was asked for: what ended before is an earlier run's history (a killed service).</param>
    public async Task UntilHealthyAsync(string resource, DateTime since, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await foreach (var update in app.ResourceNotifications.WatchAsync(deadline.Token))
            {
                var snapshot = update.Snapshot;
                seen[update.Resource.Name] = $"{snapshot.State?.Text} exit {snapshot.ExitCode?.ToString() ?? "-"} health {snapshot.HealthStatus?.ToString() ?? "-"} started {snapshot.StartTimeStamp:O} stopped {snapshot.StopTimeStamp:O}";
                if (Failed(update.Snapshot, since) is { } failure)
                {
                    await logs.SettledAsync(update.Resource.Name);
                    throw new InvalidOperationException($"{update.Resource.Name} {failure}. Its last lines:\n{logs.Tail(update.Resource.Name)}");
                }

                if (update.Resource.Name == resource && update.Snapshot.State?.Text == KnownResourceStates.Running
                    && update.Snapshot.HealthStatus == HealthStatus.Healthy)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var states = string.Join("\n", seen.OrderBy(s => s.Key).Select(s => $"  {s.Key}: {s.Value}"));
            throw new TimeoutException($"{resource} was not healthy within {timeout.TotalSeconds:0} s (since {since:O}). Resources:\n{states}\nIts last lines:\n{logs.Tail(resource)}");
        }
    }

    private static string? Failed(CustomResourceSnapshot snapshot, DateTime since)
    {
        var state = snapshot.State?.Text;
        var exited = state == KnownResourceStates.Exited || state == KnownResourceStates.Finished;
        if (exited && snapshot.StopTimeStamp is { } stopped && stopped.ToUniversalTime() < since)
        {
            return null; // an earlier run of the resource (a service killed before this start)
        }

        if (exited && snapshot.ExitCode is { } code && code != 0)
        {
            return $"exited with code {code}";
        }

        // A dependency's failure is reported by the dependency itself; wait for that update.
        return state == KnownResourceStates.FailedToStart && !snapshot.ResourceType.Contains("Project", StringComparison.Ordinal) ? "failed to start" : null;
    }
}
