using AmbassadorNet.Contracts;
using AmbassadorNet.Messaging.Parking;
using AmbassadorNet.Messaging.Tracing;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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

        await FlushAsync(scope, cancellationToken);
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
    /// Applies messages of one brand in one transaction: the inbox rows of all of them in one insert
    /// (a message already applied, here or by an earlier copy, is a duplicate), each handler in turn,
    /// then one save and one commit. Null, with nothing changed, when a handler parks its message: the
    /// caller then applies each message alone, where parking keeps its own rules.
    /// </summary>
    public async Task<IReadOnlyList<InboxOutcome>?> ProcessTogetherAsync(IServiceProvider scope, IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        scope.GetRequiredService<BrandScope>().Set(items[0].Message.BrandId);
        var db = scope.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await ClaimAllAsync(db, items, cancellationToken);
        await PrepareAsync(scope, items, claimed, cancellationToken);
        var outcomes = new InboxOutcome[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!claimed.Remove((item.MessageId, item.Registration.InboxKey)))
            {
                outcomes[i] = InboxOutcome.Duplicate; // applied before, or an earlier copy in this batch
                continue;
            }

            using var activity = MessagingActivities.StartApply(item.TraceParent);
            var context = new InboundMessage(item.MessageId, item.Registration.InboxKey, IsReplayFromParking: false);
            if ((await item.Registration.Handle(scope, item.Message, context, cancellationToken)).IsParked)
            {
                return null; // rolled back when the transaction is disposed
            }

            outcomes[i] = InboxOutcome.Applied;
        }

        await FlushAsync(scope, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (scope.GetRequiredService<ParkingReleases>().Released.Count > 0)
        {
            replay.Notify();
        }

        return outcomes;
    }

    /// <summary>Lets each handler read what its claimed messages need at once (<see cref="IPrepareBatch{TMessage}"/>).</summary>
    private static async Task PrepareAsync(IServiceProvider scope, IReadOnlyList<InboxItem> items, HashSet<(Guid, string)> claimed, CancellationToken cancellationToken)
    {
        var firstCopies = items.Where(i => claimed.Contains((i.MessageId, i.Registration.InboxKey))).DistinctBy(i => (i.MessageId, i.Registration.InboxKey));
        foreach (var handled in firstCopies.GroupBy(i => i.Registration))
        {
            await handled.Key.PrepareBatch(scope, [.. handled.Select(i => i.Message)], cancellationToken);
        }
    }

    private static async Task FlushAsync(IServiceProvider scope, CancellationToken cancellationToken)
    {
        foreach (var flush in scope.GetServices<ITransactionFlush>())
        {
            await flush.FlushAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The (message, consumer) keys this transaction claimed. Claimed in key order, so two batches
    /// that share messages wait for each other instead of deadlocking.
    /// </summary>
    private async Task<HashSet<(Guid, string)>> ClaimAllAsync(TContext db, IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        var keys = items.Select(i => (i.MessageId, Consumer: i.Registration.InboxKey)).Distinct().OrderBy(k => k.MessageId).ThenBy(k => k.Consumer, StringComparer.Ordinal).ToList();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO inbox_messages (message_id, consumer, processed_at)
            SELECT key.message_id, key.consumer, @now FROM unnest(@ids, @consumers) WITH ORDINALITY AS key (message_id, consumer, position)
            ORDER BY key.position
            ON CONFLICT DO NOTHING
            RETURNING message_id, consumer
            """,
            connection,
            (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", [.. keys.Select(k => k.MessageId)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("consumers", [.. keys.Select(k => k.Consumer)]));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", clock.GetUtcNow()));
        var claimed = new HashSet<(Guid, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add((reader.GetGuid(0), reader.GetString(1)));
        }

        return claimed;
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
