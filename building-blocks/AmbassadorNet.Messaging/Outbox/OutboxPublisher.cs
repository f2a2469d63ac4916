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
            await bus.Publish(message, type, context =>
            {
                context.MessageId = row.Id;
                if (traceParent is not null && !context.Headers.TryGetHeader(MessagingActivities.TraceParentHeader, out _))
                {
                    context.Headers.Set(MessagingActivities.TraceParentHeader, traceParent);
                }
            }, cancellationToken);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
