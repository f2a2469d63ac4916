using AmbassadorNet.Messaging.Topology;
using AmbassadorNet.ServiceDefaults.Errors;
using MassTransit;

namespace AmbassadorNet.Messaging.Registration;

internal static class ReceiveEndpoints
{
    public static void Configure(IRabbitMqReceiveEndpointConfigurator endpoint, HandlerRegistration handler, IBusRegistrationContext context)
    {
        var settings = handler.Settings;
        endpoint.PrefetchCount = settings.PrefetchCount;
        endpoint.ConcurrentMessageLimit = settings.ConcurrentMessageLimit;
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
