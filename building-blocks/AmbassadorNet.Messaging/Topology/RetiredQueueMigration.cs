using AmbassadorNet.Messaging.Registration;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace AmbassadorNet.Messaging.Topology;

/// <summary>
/// Empties and removes the queues an earlier layout gave each event ("{service}-{event}", with its
/// "_error" and "_skipped" queues) once the event has moved to its handler's queue. Part of
/// <c>--migrate-only</c>, after the handler queues are declared and bound:
/// <list type="number">
/// <item>the retired queue's exchange is deleted, which unbinds it, so nothing new arrives;</item>
/// <item>what it holds is moved to the handler's queue (error and skipped messages to the handler's
/// error queue, where the operator sees and replays them), each acknowledged after the broker confirmed it;</item>
/// <item>the queue is deleted once it is empty and no earlier version consumes it.</item>
/// </list>
/// A message published between the handler queue's binding and step 1 sits in both queues: the inbox
/// records an event under the same key whichever queue brought it, so it is applied once.
/// </summary>
public sealed class RetiredQueueMigration(BrokerTopology topology, HandlerCatalog catalog, ILogger<RetiredQueueMigration> logger)
{
    public const string SkippedSuffix = "_skipped";

    /// <returns>How many messages were moved.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await topology.ConnectAsync(cancellationToken);
        var moved = 0;
        foreach (var registration in catalog.Events.Where(e => e.InboxKey != e.Handler.EndpointName))
        {
            var (retired, current) = (registration.InboxKey, registration.Handler.EndpointName);
            moved += await RetireAsync(connection, retired, current, cancellationToken);
            moved += await RetireAsync(connection, ErrorQueues.NameFor(retired), ErrorQueues.NameFor(current), cancellationToken);
            moved += await RetireAsync(connection, retired + SkippedSuffix, ErrorQueues.NameFor(current), cancellationToken);
        }

        return moved;
    }

    private async Task<int> RetireAsync(IConnection connection, string queue, string destination, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, queue, cancellationToken))
        {
            return 0;
        }

        await using var channel = await BrokerTopology.ConfirmedChannelAsync(connection, cancellationToken);
        await channel.ExchangeDeleteAsync(queue, ifUnused: false, cancellationToken: cancellationToken);
        var moved = await BrokerTopology.MoveAsync(channel, queue, destination, headers => headers, int.MaxValue, cancellationToken);
        // Checked here rather than with the delete's if-empty flag, which quorum queues refuse
        // (RabbitMQ answers 540 NOT_IMPLEMENTED). Nothing can arrive once the exchange is gone
        // except what a still-running earlier version hands back, hence the consumer count.
        var left = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
        if (left.MessageCount > 0 || left.ConsumerCount > 0)
        {
            logger.LogWarning(
                "Queue {Queue} still has {Messages} messages and {Consumers} consumers (an earlier version is running); run --migrate-only again after it stops",
                queue, left.MessageCount, left.ConsumerCount);
            return moved;
        }

        await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false, cancellationToken: cancellationToken);
        logger.LogInformation("Retired queue {Queue}: {Moved} messages moved to {Destination}", queue, moved, destination);
        return moved;
    }

    private static async Task<bool> ExistsAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declaration of a missing queue closes its channel, hence a channel of its own.
        await using var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await probe.QueueDeclarePassiveAsync(queue, cancellationToken);
            return true;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return false;
        }
    }
}
