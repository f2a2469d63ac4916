using AmbassadorNet.Messaging.Tracing;
using MassTransit;

namespace AmbassadorNet.Messaging.Outbox;

/// <summary>Publishes one outbox row with its id as the MessageId, inside the trace of the request that wrote it.</summary>
public sealed class OutboxPublisher(IBus bus)
{
    public async Task<Exception?> TryPublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        try
        {
            var type = MessageTypes.Resolve(row.MessageType);
            var message = MessageTypes.Deserialize(row.Body, type);
            using var activity = MessagingActivities.StartDispatch(row.TraceParent);
            var traceParent = activity?.Id ?? row.TraceParent;
            // WaitAsync: the wait ends with the token even if the publish does not. MassTransit has been
            // reported to ignore a publish's token while its connection recovers (MassTransit issues
            // 1024, 1760); one such publish would otherwise stall the dispatcher for good. A publish
            // abandoned here and confirmed later is published again: consumers drop the copy by MessageId.
            await bus.Publish(message, type, context =>
            {
                context.MessageId = row.Id;
                if (traceParent is not null && !context.Headers.TryGetHeader(MessagingActivities.TraceParentHeader, out _))
                {
                    context.Headers.Set(MessagingActivities.TraceParentHeader, traceParent);
                }
            }, cancellationToken).WaitAsync(cancellationToken);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
