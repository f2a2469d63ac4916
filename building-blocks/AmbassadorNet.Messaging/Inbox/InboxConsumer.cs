using AmbassadorNet.Contracts;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.Messaging.Tracing;
using AmbassadorNet.Persistence.Tenancy;
using MassTransit;

namespace AmbassadorNet.Messaging.Inbox;

/// <summary>The MassTransit consumer of one event type: hands the message to the inbox pipeline in the consumer's scope.</summary>
public sealed class InboxConsumer<TMessage, TContext>(IServiceProvider scope, InboxPipeline<TContext> pipeline, HandlerCatalog catalog)
    : IConsumer<TMessage>
    where TMessage : class, IIntegrationEvent
    where TContext : BrandScopedDbContext
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId.");
        context.Headers.TryGetHeader(MessagingActivities.TraceParentHeader, out var traceParent);
        using var activity = MessagingActivities.StartConsume(traceParent as string);
        await pipeline.ProcessAsync(scope, context.Message, messageId, catalog.EndpointOf(typeof(TMessage)), parked: null, context.CancellationToken);
    }
}
