using AmbassadorNet.Contracts;
using AmbassadorNet.Messaging.Parking;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AmbassadorNet.Messaging.Inbox;

/// <summary>
/// Runs a handler exactly once per (message id, consumer): the inbox row, the handler's changes and
/// any events it publishes commit in one transaction, so a redelivered or duplicated message finds
/// its inbox row and changes nothing. A parked message is stored instead of its effects.
/// </summary>
/// <remarks>
/// The inbox row is claimed first, with INSERT ... ON CONFLICT DO NOTHING: one round trip both
/// detects a duplicate and makes a concurrent copy wait for this one's commit, and the handler's
/// own writes (hot counter rows in analytics) are the last thing before the commit, so their row
/// locks are held for one round trip (measurements: docs/benchmarks.md, "Profiling T4").
/// </remarks>
public sealed class InboxPipeline<TContext>(ParkedMessageSignal replay, TimeProvider clock, ILogger<InboxPipeline<TContext>> logger)
    where TContext : BrandScopedDbContext
{
    private const string ParkedKey = "ux_parked_messages_message_id_consumer";

    public async Task<InboxOutcome> ProcessAsync<TMessage>(
        IServiceProvider scope, TMessage message, Guid messageId, string consumer, ParkedMessage? parked, CancellationToken cancellationToken)
        where TMessage : class, IIntegrationEvent
    {
        scope.GetRequiredService<BrandScope>().Set(message.BrandId);
        var db = scope.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        if (!await ClaimAsync(db, messageId, consumer, cancellationToken))
        {
            await RemoveParkedAsync(db, parked, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("{Consumer} already applied message {MessageId}; ignoring the duplicate", consumer, messageId);
            return InboxOutcome.Duplicate;
        }

        var handler = scope.GetRequiredService<IMessageHandler<TMessage>>();
        var result = await handler.HandleAsync(message, new InboundMessage(messageId, consumer, parked is not null), cancellationToken);
        if (result.IsParked)
        {
            db.ChangeTracker.Clear(); // a parked message has no effects, only its parking row
            await ReleaseClaimAsync(db, messageId, consumer, cancellationToken);
            if (parked is null && await db.Set<ParkedMessage>().AnyAsync(p => p.MessageId == messageId && p.Consumer == consumer, cancellationToken))
            {
                // A copy of this message already waits for the same prerequisite.
                return InboxOutcome.Duplicate;
            }

            try
            {
                await ParkAsync(db, message, messageId, consumer, parked, result, cancellationToken);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: ParkedKey })
            {
                return InboxOutcome.Duplicate; // a copy was parked concurrently
            }

            await transaction.CommitAsync(cancellationToken);
            if (parked is null)
            {
                // The prerequisite may have been released between our check and this commit, when
                // the replayer found nothing to replay: let it look once more now.
                replay.Notify();
            }

            return InboxOutcome.Parked;
        }

        await db.SaveChangesAsync(cancellationToken);
        await RemoveParkedAsync(db, parked, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (scope.GetRequiredService<ParkingReleases>().Released.Count > 0)
        {
            replay.Notify();
        }

        return InboxOutcome.Applied;
    }

    /// <summary>
    /// False when the message was already applied. A copy being applied concurrently holds the key
    /// until it commits (then this finds it taken) or rolls back (then this claim goes in).
    /// </summary>
    private async Task<bool> ClaimAsync(TContext db, Guid messageId, string consumer, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, {clock.GetUtcNow()}) ON CONFLICT DO NOTHING",
            cancellationToken) == 1;

    private static Task ReleaseClaimAsync(TContext db, Guid messageId, string consumer, CancellationToken cancellationToken) =>
        db.Set<InboxMessage>().Where(i => i.MessageId == messageId && i.Consumer == consumer).ExecuteDeleteAsync(cancellationToken);

    private async Task ParkAsync<TMessage>(
        TContext db, TMessage message, Guid messageId, string consumer, ParkedMessage? parked, HandleResult result, CancellationToken cancellationToken)
        where TMessage : class, IIntegrationEvent
    {
        var now = clock.GetUtcNow();
        if (parked is not null)
        {
            // Still waiting: count the attempt on the row we replayed.
            await db.Set<ParkedMessage>().Where(p => p.Id == parked.Id).ExecuteUpdateAsync(
                p => p.SetProperty(x => x.Attempts, x => x.Attempts + 1).SetProperty(x => x.LastAttemptAt, now), cancellationToken);
            return;
        }

        db.Set<ParkedMessage>().Add(new ParkedMessage
        {
            Id = Ids.New(clock),
            MessageId = messageId,
            Consumer = consumer,
            MessageType = MessageTypes.NameOf(typeof(TMessage)),
            Body = MessageTypes.Serialize(message, typeof(TMessage)),
            BrandId = message.BrandId,
            Prerequisite = result.Prerequisite!,
            Reason = result.Reason ?? "",
            ParkedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Consumer} parked message {MessageId} until {Prerequisite}: {Reason}", consumer, messageId, result.Prerequisite, result.Reason);
    }

    private static async Task RemoveParkedAsync(TContext db, ParkedMessage? parked, CancellationToken cancellationToken)
    {
        if (parked is not null)
        {
            await db.Set<ParkedMessage>().Where(p => p.Id == parked.Id).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
