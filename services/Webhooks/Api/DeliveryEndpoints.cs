using AmbassadorNet.Webhooks.Persistence;

namespace AmbassadorNet.Webhooks.Api;

internal static class DeliveryEndpoints
{
    public const int MaxLimit = 100;

    public static async Task<Ok<List<DeliveryView>>> ListAsync(Guid id, WebhooksDbContext db, CancellationToken cancellationToken, int limit = 50)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new RequestValidationException("limit", $"Between 1 and {MaxLimit}.");
        }

        await db.LoadSubscriptionAsync(id, cancellationToken);
        var deliveries = await db.Deliveries.Where(d => d.SubscriptionId == id)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(limit).ToListAsync(cancellationToken);
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = (await db.Attempts.Where(a => ids.Contains(a.DeliveryId)).ToListAsync(cancellationToken)).ToLookup(a => a.DeliveryId);
        return TypedResults.Ok(deliveries.Select(d => DeliveryView.From(d, attempts[d.Id])).ToList());
    }

    public static async Task<Accepted<DeliveryView>> ReplayAsync(Guid id, Guid deliveryId, WebhooksDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var subscription = await db.LoadSubscriptionAsync(id, cancellationToken);
        if (subscription.Status != SubscriptionStatus.Active)
        {
            throw new ConflictException($"The subscription is {subscription.Status.ToString().ToLowerInvariant()}; subscribe again to receive deliveries.");
        }

        var delivery = await db.Deliveries.SingleOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == id, cancellationToken)
            ?? throw new NotFoundException($"Delivery {deliveryId} of subscription {id} does not exist.");
        if (delivery.Status == DeliveryStatus.Pending)
        {
            throw new ConflictException("The delivery is still pending; it will be attempted on its schedule.");
        }

        delivery.Replay(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var attempts = await db.Attempts.Where(a => a.DeliveryId == deliveryId).ToListAsync(cancellationToken);
        return TypedResults.Accepted($"/api/webhooks/{id}/deliveries", DeliveryView.From(delivery, attempts));
    }
}
