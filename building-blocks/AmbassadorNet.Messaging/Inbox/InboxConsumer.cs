using AmbassadorNet.Contracts;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.Messaging.Tracing;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.ServiceDefaults.Lifetime;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace AmbassadorNet.Messaging.Inbox;

/// <summary>The MassTransit consumer of one event type: hands the message to the inbox pipeline in the consumer's scope.</summary>
public sealed class InboxConsumer<TMessage, TContext>(IServiceProvider scope, InboxPipeline<TContext> pipeline, HandlerCatalog catalog)
    : IConsumer<TMessage>
    where TMessage : class, IIntegrationEvent
    where TContext : BrandScopedDbContext
{
    /// <summary>The crash point between this consumer's commit and its acknowledgement.</summary>
    public static readonly string CrashPointAfterCommit = $"after-commit:{typeof(TMessage).Name}";

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId.");
        context.Headers.TryGetHeader(MessagingActivities.TraceParentHeader, out var traceParent);
        using var activity = MessagingActivities.StartConsume(traceParent as string);
        await pipeline.ProcessAsync(scope, context.Message, messageId, catalog.EndpointOf(typeof(TMessage)), parked: null, context.CancellationToken);
        // Committed, not yet acknowledged: the moment a crash makes the broker deliver the message again.
        scope.GetService<CrashPoints>()?.Reach(CrashPointAfterCommit);
    }
}
