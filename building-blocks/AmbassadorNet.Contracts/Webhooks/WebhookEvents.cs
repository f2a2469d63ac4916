namespace AmbassadorNet.Contracts.Webhooks;

/// <summary>
/// The webhooks service stopped delivering to a subscription: the receiver answered 410 Gone
/// (<see cref="Reason"/> "gone"), or <see cref="FailedDeliveries"/> deliveries in a row failed for good
/// ("failing"). The brand re-subscribes once its endpoint works again.
/// </summary>
public sealed record WebhookSubscriptionDisabled(
    Guid BrandId, DateTimeOffset OccurredAt, Guid SubscriptionId, string Url, string Reason, int FailedDeliveries) : IIntegrationEvent;
