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
public sealed class InboxPipeline<TContext>(ParkedMessageSignal replay, TimeProvider clock, ILogger<InboxPipeline<TContext>> logger)
    where TContext : BrandScopedDbContext
{
    private const string InboxKey = "inbox_messages_pkey";
    private const string ParkedKey = "ux_parked_messages_message_id_consumer";

    public async Task<InboxOutcome> ProcessAsync<TMessage>(
        IServiceProvider scope, TMessage message, Guid messageId, string consumer, ParkedMessage? parked, CancellationToken cancellationToken)
        where TMessage : class, IIntegrationEvent
    {
        scope.GetRequiredService<BrandScope>().Set(message.BrandId);
        var db = scope.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        if (await db.Set<InboxMessage>().AnyAsync(i => i.MessageId == messageId && i.Consumer == consumer, cancellationToken))
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

        db.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: InboxKey })
        {
            // A copy of this message was applied concurrently (a duplicate publish): ours rolls back.
            logger.LogInformation("{Consumer} applied message {MessageId} concurrently; discarding this copy", consumer, messageId);
            return InboxOutcome.Duplicate;
        }

        await RemoveParkedAsync(db, parked, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (scope.GetRequiredService<ParkingReleases>().Released.Count > 0)
        {
            replay.Notify();
        }

        return InboxOutcome.Applied;
    }

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
