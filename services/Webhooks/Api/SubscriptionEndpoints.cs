using AmbassadorNet.ServiceDefaults.Idempotency;
using AmbassadorNet.SharedKernel;
using AmbassadorNet.Webhooks.Persistence;
using AmbassadorNet.Webhooks.Secrets;
using AmbassadorNet.Webhooks.Security;

namespace AmbassadorNet.Webhooks.Api;

internal static class SubscriptionEndpoints
{
    public static async Task<Created<SubscriptionView>> CreateAsync(
        CreateSubscriptionRequest request, HttpContext http, WebhooksDbContext db, UrlRules urls, SigningSecretProtector secrets, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var eventTypes = (request.EventTypes is null or { Count: 0 } ? [WebhookSubscription.AllEvents] : request.EventTypes).Select(t => t?.Trim() ?? "").Distinct().ToList();
        foreach (var unknown in eventTypes.Where(t => t != WebhookSubscription.AllEvents && !PublicEvents.ByName.ContainsKey(t)))
        {
            errors.Add("eventTypes", PublicEvents.Retired.TryGetValue(unknown, out var replacement)
                ? $"Event type '{unknown}' is retired and no longer published; subscribe to '{replacement}' instead."
                : $"Unknown event type '{unknown}'; see GET /api/webhooks/event-types.");
        }

        errors.Check(request.Description is null || request.Description.Length <= 500, "description", "At most 500 characters.");
        errors.ThrowIfAny();
        var url = await urls.ValidateAsync(request.Url, cancellationToken);

        var now = clock.GetUtcNow();
        var secret = WebhookSecret.New();
        var subscription = new WebhookSubscription
        {
            Id = Ids.New(clock), BrandId = db.CurrentBrandId, Url = url.AbsoluteUri, Description = request.Description?.Trim(),
            EventTypes = eventTypes.Contains(WebhookSubscription.AllEvents) ? [WebhookSubscription.AllEvents] : eventTypes,
            Status = SubscriptionStatus.Active, Secret = secrets.Protect(secret), CreatedAt = now, UpdatedAt = now,
        };
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/webhooks/{subscription.Id}", ShownOnce(http, SubscriptionView.From(subscription, secret)));
    }

    public static async Task<Ok<List<SubscriptionView>>> ListAsync(WebhooksDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.Subscriptions.Where(s => s.Status != SubscriptionStatus.Deleted).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken))
            .Select(s => SubscriptionView.From(s)).ToList());

    public static Ok<IReadOnlyList<string>> EventTypes() => TypedResults.Ok<IReadOnlyList<string>>([.. PublicEvents.ByName.Keys.Order(StringComparer.Ordinal)]);

    public static async Task<Ok<SubscriptionView>> GetAsync(Guid id, WebhooksDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(SubscriptionView.From(await db.LoadSubscriptionAsync(id, cancellationToken)));

    public static async Task<NoContent> DeleteAsync(Guid id, WebhooksDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var subscription = await db.LoadSubscriptionAsync(id, cancellationToken);
        var now = clock.GetUtcNow();
        subscription.Status = SubscriptionStatus.Deleted;
        subscription.UpdatedAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // A delivery being sent right now (leased) still finishes; everything else stops here.
        await db.Deliveries.Where(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Pending && d.LeaseId == null).ExecuteUpdateAsync(d => d
            .SetProperty(x => x.Status, DeliveryStatus.Cancelled).SetProperty(x => x.NextAttemptAt, (DateTimeOffset?)null).SetProperty(x => x.CompletedAt, now),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<SubscriptionView>> RotateSecretAsync(
        Guid id, HttpContext http, WebhooksDbContext db, SigningSecretProtector secrets, TimeProvider clock, IOptions<WebhookOptions> options,
        CancellationToken cancellationToken)
    {
        var subscription = await db.LoadSubscriptionAsync(id, cancellationToken);
        var secret = WebhookSecret.New();
        subscription.RotateSecret(secrets.Protect(secret), clock.GetUtcNow(), options.Value.SecretRotationOverlap);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ShownOnce(http, SubscriptionView.From(subscription, secret)));
    }

    /// <summary>The answer shows the secret; the copy kept for replays (Idempotency-Key) does not, whoever of the brand sends the key again.</summary>
    private static SubscriptionView ShownOnce(HttpContext http, SubscriptionView withSecret)
    {
        http.ReplayInstead(withSecret.WithoutSecret());
        return withSecret;
    }

    internal static async Task<WebhookSubscription> LoadSubscriptionAsync(this WebhooksDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Subscriptions.SingleOrDefaultAsync(s => s.Id == id && s.Status != SubscriptionStatus.Deleted, cancellationToken)
        ?? throw new NotFoundException($"Webhook subscription {id} does not exist.");
}
