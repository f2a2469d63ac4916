using AmbassadorNet.Contracts.Webhooks;
using AmbassadorNet.SharedKernel;
using AmbassadorNet.Webhooks.Persistence;

namespace AmbassadorNet.Webhooks.Delivery;

/// <summary>
/// Writes what an attempt led to, in one transaction: the attempt log, the delivery's next step, and
/// the subscription's failure count (disabling it, with an event, when it keeps failing or is gone).
/// Nothing is written if the lease was taken over meanwhile; the new holder decides.
/// </summary>
public sealed class AttemptRecorder(IServiceScopeFactory scopes, TimeProvider clock, IOptions<WebhookOptions> options, ILogger<AttemptRecorder> logger)
{
    private const string LockSubscriptionSql = "SELECT * FROM webhook_subscriptions WHERE id = {0} FOR UPDATE";

    public async Task RecordAsync(ClaimedDelivery claim, AttemptResult result, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BrandScope>().Set(claim.Delivery.BrandId);
        var db = scope.ServiceProvider.GetRequiredService<WebhooksDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Lock order subscription → delivery in every writer, so concurrent attempts of one subscription queue up instead of deadlocking.
        var subscription = await db.Subscriptions.FromSqlRaw(LockSubscriptionSql, claim.Delivery.SubscriptionId).SingleAsync(cancellationToken);
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == claim.Delivery.Id, cancellationToken);
        if (delivery.LeaseId != claim.LeaseId)
        {
            logger.LogWarning("Delivery {DeliveryId} was claimed again while being sent; this attempt's result is dropped", delivery.Id);
            return;
        }

        var now = clock.GetUtcNow();
        delivery.Attempts++;
        delivery.AttemptsInRun++;
        delivery.LastStatusCode = result.StatusCode;
        delivery.LeaseId = null;
        delivery.LeaseExpiresAt = null;
        var verdict = RetryPolicy.Classify(result.StatusCode, result.DestinationRefused);
        var next = verdict == Verdict.Retry
            ? new RetryPolicy(settings.EffectiveRetrySchedule, settings.RetryJitter, settings.MaxRetryAfter)
                .NextAttemptAt(delivery.AttemptsInRun, now, result.RetryAfter, Random.Shared.NextDouble())
            : null;
        var outcome = Apply(verdict, next, delivery, subscription, now, db);
        db.Attempts.Add(new DeliveryAttempt
        {
            Id = Ids.New(clock), DeliveryId = delivery.Id, Number = delivery.Attempts, AttemptedAt = result.AttemptedAt,
            StatusCode = result.StatusCode, Error = result.Error, LatencyMs = (int)Math.Min(int.MaxValue, result.Latency.TotalMilliseconds),
            ResponseBody = result.ResponseBody, Outcome = outcome, NextAttemptAt = next,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Delivery {DeliveryId} was claimed again while being recorded; this attempt's result is dropped", delivery.Id);
        }
    }

    /// <summary>The subscription was deleted or disabled after the event arrived: the delivery is called off.</summary>
    public async Task CancelAsync(ClaimedDelivery claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BrandScope>().Set(claim.Delivery.BrandId);
        var db = scope.ServiceProvider.GetRequiredService<WebhooksDbContext>();
        var now = clock.GetUtcNow();
        await db.Deliveries.Where(d => d.Id == claim.Delivery.Id && d.LeaseId == claim.LeaseId).ExecuteUpdateAsync(d => d
            .SetProperty(x => x.Status, DeliveryStatus.Cancelled).SetProperty(x => x.NextAttemptAt, (DateTimeOffset?)null)
            .SetProperty(x => x.CompletedAt, now).SetProperty(x => x.LeaseId, (Guid?)null).SetProperty(x => x.LeaseExpiresAt, (DateTimeOffset?)null),
            cancellationToken);
    }

    private AttemptOutcome Apply(Verdict verdict, DateTimeOffset? next, WebhookDelivery delivery, WebhookSubscription subscription, DateTimeOffset now, WebhooksDbContext db)
    {
        switch (verdict)
        {
            case Verdict.Delivered:
                delivery.Finish(DeliveryStatus.Succeeded, now);
                subscription.ConsecutiveFailures = 0;
                return AttemptOutcome.Succeeded;
            case Verdict.Retry when next is not null:
                delivery.NextAttemptAt = next;
                return AttemptOutcome.RetryScheduled;
            case Verdict.Gone:
                delivery.Finish(DeliveryStatus.Failed, now);
                subscription.ConsecutiveFailures++;
                DisableOnce(subscription, "gone", now, db);
                return AttemptOutcome.Gone;
            default:
                delivery.Finish(DeliveryStatus.Failed, now);
                subscription.ConsecutiveFailures++;
                if (subscription.ConsecutiveFailures >= options.Value.DisableAfterFailedDeliveries)
                {
                    DisableOnce(subscription, "failing", now, db);
                }

                return AttemptOutcome.Failed;
        }
    }

    private void DisableOnce(WebhookSubscription subscription, string reason, DateTimeOffset now, WebhooksDbContext db)
    {
        if (subscription.Status != SubscriptionStatus.Active)
        {
            return; // already disabled or deleted: no second event
        }

        subscription.Disable(reason, now);
        db.AddEvent(new WebhookSubscriptionDisabled(subscription.BrandId, now, subscription.Id, subscription.Url, reason, subscription.ConsecutiveFailures), clock);
        logger.LogWarning("Webhook subscription {SubscriptionId} disabled ({Reason}) after {Failures} failed deliveries", subscription.Id, reason, subscription.ConsecutiveFailures);
    }
}
