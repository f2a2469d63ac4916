using System.Text.Json;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.SharedKernel;
using AmbassadorNet.Webhooks.EventLog;
using AmbassadorNet.Webhooks.Persistence;

namespace AmbassadorNet.Webhooks.Consumers;

/// <summary>
/// Records one public event in its brand's log (the partner event stream reads it) and turns it into
/// one pending delivery per active subscription of the brand that wants its type. Both commit with
/// the inbox row, so a duplicated event is logged and delivered once.
/// </summary>
public sealed class PublicEventHandler(WebhooksDbContext db, EventLogAppender log, TimeProvider clock) : IMessageHandler<IIntegrationEvent>
{
    /// <summary>
    /// One handler and one queue for every public event: fanning an event out is the same short
    /// insert whatever its type, and the inbox still records each event under its own key.
    /// </summary>
    public static void Register(MessagingBuilder<WebhooksDbContext> messaging) =>
        messaging.Handle<PublicEventHandler>(PublicEvents.Types, endpoint =>
        {
            // Every event of the system passes here: the events delivered together fan out in one
            // transaction per brand, each batch holding one connection of a small pool.
            endpoint.ConcurrentMessageLimit = 8;
            endpoint.PrefetchCount = 64;
            endpoint.Batch = new BatchSettings(MessageLimit: 32, TimeLimitMs: 5, Concurrency: 2);
        });

    /// <summary>The brand's active subscriptions, read once per scope: once per batch of the brand's events.</summary>
    private List<WebhookSubscription>? _active;

    public async Task<HandleResult> HandleAsync(IIntegrationEvent message, InboundMessage context, CancellationToken cancellationToken)
    {
        // Serialized once, straight to text: the log keeps it as is. Only when a subscription wants the event is
        // it read back for the deliveries' body (most events, the clicks' above all, have no subscriber).
        var json = JsonSerializer.Serialize(message, message.GetType(), MessageTypes.Json);
        log.Add(message, context.MessageId, json);
        var eventType = PublicEvents.NameOf[message.GetType()];
        _active ??= await db.Subscriptions.Where(s => s.Status == SubscriptionStatus.Active).ToListAsync(cancellationToken);
        var subscriptions = _active.Where(s => s.Receives(eventType)).ToList();
        if (subscriptions.Count == 0)
        {
            return HandleResult.Done;
        }

        var now = clock.GetUtcNow();
        using var data = JsonDocument.Parse(json);
        var payload = Payload(message, data.RootElement);
        var creator = PersonalData.MayCarry(message.GetType()) ? PersonalData.CreatorOf(message) : null;
        foreach (var subscription in subscriptions)
        {
            db.Deliveries.Add(new WebhookDelivery
            {
                Id = Ids.New(clock), BrandId = message.BrandId, SubscriptionId = subscription.Id,
                WebhookId = $"msg_{context.MessageId:N}", EventId = context.MessageId, EventType = eventType, Payload = payload, CreatorId = creator,
                Status = DeliveryStatus.Pending, NextAttemptAt = now, CreatedAt = now,
            });
        }

        return HandleResult.Done;
    }

    /// <summary>The body partners receive: {type, timestamp, data}, data being the event as it travels on the broker.</summary>
    public static string Payload(IIntegrationEvent message, JsonElement data) => JsonSerializer.Serialize(
        new { type = PublicEvents.NameOf[message.GetType()], timestamp = message.OccurredAt, data },
        MessageTypes.Json);
}
