using AmbassadorNet.Contracts;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.Messaging.Tracing;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.ServiceDefaults.Lifetime;
using AmbassadorNet.ServiceDefaults.Errors;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AmbassadorNet.Messaging.Inbox;

/// <summary>
/// The MassTransit consumer of one event type on its handler's queue: hands the message to the inbox pipeline in the
/// consumer's scope (or, for a handler that batches, to its <see cref="InboxBatcher{TContext}"/>), and while the database is unreachable keeps the message and tries again after
/// the handler's transient-failure pauses (MassTransit's own retries are for other failures).
/// </summary>
public sealed class InboxConsumer<TMessage, TContext>(
    IServiceProvider scope, InboxPipeline<TContext> pipeline, InboxBatchers<TContext> batchers, HandlerCatalog catalog, ILogger<InboxConsumer<TMessage, TContext>> logger)
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
        var registration = catalog.Of(typeof(TMessage));
        var pauses = registration.Handler.Settings.TransientRetryIntervalsMs;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await ApplyAsync(context, registration, messageId, traceParent as string, attempt);
                break;
            }
            catch (Exception e) when (TransientFailures.IsTransient(e) && attempt < pauses.Length && !context.CancellationToken.IsCancellationRequested)
            {
                var pause = TimeSpan.FromMilliseconds(pauses[attempt]);
                logger.LogWarning(e, "{Consumer} cannot reach its database for message {MessageId}; trying again in {Pause}", registration.Handler.EndpointName, messageId, pause);
                await Task.Delay(pause, context.CancellationToken);
            }
        }

        // Committed, not yet acknowledged: the moment a crash makes the broker deliver the message again.
        scope.GetService<CrashPoints>()?.Reach(CrashPointAfterCommit);
    }

    private async Task ApplyAsync(ConsumeContext<TMessage> context, EventRegistration registration, Guid messageId, string? traceParent, int attempt)
    {
        if (registration.Handler.Settings.Batch is not null)
        {
            // The batcher applies in scopes of its own, a fresh one for every batch.
            await batchers.For(registration.Handler).ApplyAsync(new InboxItem(context.Message, messageId, registration, traceParent, context.CancellationToken));
            return;
        }

        // A failed attempt leaves its changes tracked in its scope's DbContext: each retry starts clean.
        await using var retryScope = attempt == 0 ? (AsyncServiceScope?)null : scope.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await pipeline.ProcessAsync(retryScope?.ServiceProvider ?? scope, context.Message, messageId, registration.InboxKey, parked: null, context.CancellationToken);
    }
}
