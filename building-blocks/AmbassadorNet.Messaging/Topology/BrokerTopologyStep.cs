using AmbassadorNet.ServiceDefaults.Deployment;
using MassTransit;

namespace AmbassadorNet.Messaging.Topology;

/// <summary>
/// The broker half of <c>--migrate-only</c>: declares the error queues, then every exchange, queue and
/// binding of the service's consumers (MassTransit's DeployTopologyOnly), so that events published by
/// other services before this one starts are queued rather than dropped; last, it empties and
/// removes the queues of an earlier layout (<see cref="RetiredQueueMigration"/>).
/// </summary>
internal sealed class BrokerTopologyStep(BrokerTopology topology, RetiredQueueMigration retired, IBusControl bus, bool deployOnly) : IDeploymentStep
{
    public string Name => "broker topology";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await topology.DeclareErrorQueuesAsync(cancellationToken);
        if (deployOnly)
        {
            await bus.DeployAsync(cancellationToken);
            await retired.RunAsync(cancellationToken);
        }

        // Otherwise the bus declares its topology itself when the service starts.
    }
}
