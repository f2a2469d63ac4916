using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Idempotency;

namespace AmbassadorNet.Webhooks.Api;

/// <summary>The webhooks API: every route, its role-table row (admin) and its summary, in one place.</summary>
public static class WebhooksApi
{
    /// <summary>What each tag of this API groups, for its OpenAPI document.</summary>
    public static IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Webhooks"] = "Subscriptions that receive the brand's events as signed HTTP callbacks, their secrets, deliveries and replays.",
    };

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAccess(AccessPolicies.Webhooks);

        webhooks.MapPost("/", SubscriptionEndpoints.CreateAsync).Idempotent()
            .WithName("CreateWebhookSubscription").WithSummary("Subscribes a URL to event types (or all); the answer shows the signing secret, once.");
        webhooks.MapGet("/", SubscriptionEndpoints.ListAsync)
            .WithName("ListWebhookSubscriptions").WithSummary("The brand's subscriptions, active and disabled, without secrets.");
        webhooks.MapGet("/event-types", SubscriptionEndpoints.EventTypes)
            .WithName("ListWebhookEventTypes").WithSummary("The names of the event types a subscription can ask for.");
        webhooks.MapGet("/{id:guid}", SubscriptionEndpoints.GetAsync)
            .WithName("GetWebhookSubscription").WithSummary("One subscription with its status and failure count, without its secret.");
        webhooks.MapDelete("/{id:guid}", SubscriptionEndpoints.DeleteAsync)
            .WithName("DeleteWebhookSubscription").WithSummary("Deletes a subscription; its pending deliveries are called off.");
        webhooks.MapPost("/{id:guid}/rotate-secret", SubscriptionEndpoints.RotateSecretAsync).Idempotent()
            .WithName("RotateWebhookSecret").WithSummary("Issues a new secret, shown once; the old one keeps signing alongside it for the overlap.");
        webhooks.MapGet("/{id:guid}/deliveries", DeliveryEndpoints.ListAsync)
            .WithName("ListWebhookDeliveries").WithSummary("The subscription's newest deliveries, each with its attempt log (status, latency, response).");
        webhooks.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/replay", DeliveryEndpoints.ReplayAsync)
            .WithName("ReplayWebhookDelivery").WithSummary("Sends a finished delivery again: same webhook-id, a new timestamp and signature, a fresh retry schedule.");
        return app;
    }
}
