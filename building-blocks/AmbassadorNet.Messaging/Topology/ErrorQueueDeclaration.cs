using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AmbassadorNet.Messaging.Topology;

/// <summary>
/// Declares the error queues at startup. A broker that is down does not stop the service from
/// starting (it reports not ready instead); the declaration is retried in the background.
/// </summary>
internal sealed class ErrorQueueDeclaration(BrokerTopology topology, ILogger<ErrorQueueDeclaration> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await topology.DeclareErrorQueuesAsync(timeout.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not declare error queues yet; retrying in the background");
            _retrying = RetryAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retrying.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            try
            {
                await topology.DeclareErrorQueuesAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogDebug(e, "Error queues still not declared");
            }
        }
    }
}
