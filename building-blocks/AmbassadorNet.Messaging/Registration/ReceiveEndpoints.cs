using AmbassadorNet.Messaging.Topology;
using AmbassadorNet.ServiceDefaults.Errors;
using MassTransit;

namespace AmbassadorNet.Messaging.Registration;

internal static class ReceiveEndpoints
{
    /// <summary>The arguments that make an endpoint's queue a quorum queue with a delivery limit.</summary>
    private static readonly string[] QuorumArguments = ["x-queue-type", "x-delivery-limit", "x-dead-letter-exchange", "x-dead-letter-strategy", "x-overflow"];

    /// <summary>
    /// Error and skipped queues are plain durable queues, as <see cref="Topology.BrokerTopology"/>
    /// declares them. MassTransit copies the arguments of the queue it serves to them: a quorum
    /// queue's would make "{queue}_error" dead-letter into itself and differ from the queue already
    /// declared, and the move to the error queue then failed (PRECONDITION_FAILED), closing the
    /// channel, so every message in flight on it was delivered again and pushed toward the delivery limit.
    /// </summary>
    public static void PlainErrorQueues(IRabbitMqSendTopologyConfigurator topology)
    {
        topology.ConfigureErrorSettings = error => WithoutQuorumArguments(error);
        topology.ConfigureDeadLetterSettings = skipped => WithoutQuorumArguments(skipped);
    }

    private static void WithoutQuorumArguments(IRabbitMqQueueBindingConfigurator queue)
    {
        foreach (var argument in QuorumArguments)
        {
            queue.SetQueueArgument(argument, null);
        }
    }

    public static void Configure(IRabbitMqReceiveEndpointConfigurator endpoint, HandlerRegistration handler, IBusRegistrationContext context)
    {
        var settings = handler.Settings;
        endpoint.PrefetchCount = settings.EffectivePrefetchCount;
        endpoint.ConcurrentMessageLimit = settings.EffectiveConcurrentMessageLimit;
        endpoint.UseMessageRetry(retry =>
        {
            // The consumer itself waits out an unreachable database (InboxConsumer); when it gives
            // up, the message goes to the error queue at once. A second UseMessageRetry for these is
            // no answer: MassTransit 8 applies one message retry policy per endpoint (measured,
            // TransientFailureRetryTests).
            retry.Ignore<Exception>(TransientFailures.IsTransient);
            retry.Intervals(settings.RetryIntervalsMs);
        });
        if (settings.Quorum)
        {
            endpoint.SetQuorumQueue();
            // MassTransit 8 has no typed setting for these. Without a dead-letter exchange a quorum
            // queue silently drops a message at the delivery limit (RabbitMQ 3.10), so point it at
            // the endpoint's error exchange, at-least-once.
            endpoint.SetQueueArgument("x-delivery-limit", settings.DeliveryLimit);
            endpoint.SetQueueArgument("x-dead-letter-exchange", ErrorQueues.NameFor(handler.EndpointName));
            endpoint.SetQueueArgument("x-dead-letter-strategy", "at-least-once");
            endpoint.SetQueueArgument("x-overflow", "reject-publish");
        }

        foreach (var registration in handler.Events)
        {
            endpoint.ConfigureConsumer(context, registration.ConsumerType);
        }
    }
}
