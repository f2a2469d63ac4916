using AmbassadorNet.Contracts.Creators;
using AmbassadorNet.Webhooks.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace AmbassadorNet.Webhooks.EventLog;

/// <summary>
/// Appends the events a transaction applies to their brand's log, at the end of that transaction
/// (<see cref="ITransactionFlush"/>): one statement takes the brand's head row, gives the events the
/// next positions and inserts them, and a NOTIFY wakes the streams when it commits. The head row
/// stays locked until the commit, so a brand's positions commit in order and a reader that has seen
/// position n has seen every position before it.
/// </summary>
public sealed class EventLogAppender(WebhooksDbContext db, TimeProvider clock) : ITransactionFlush
{
    public const string ChannelName = "partner_events";

    private readonly List<PendingEvent> _pending = [];

    /// <param name="data">The event as the webhook's <c>data</c> carries it (the handler serializes it once for both).</param>
    public void Add(IIntegrationEvent message, Guid eventId, string data)
    {
        var type = message.GetType();
        _pending.Add(new PendingEvent(eventId, PublicEvents.NameOf[type], message.OccurredAt, PersonalData.CreatorOf(message),
            data, PersonalData.MayCarry(type), message is CreatorErased));
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var brand = db.CurrentBrandId;
        var now = clock.GetUtcNow();
        var erased = await Erasures.ApplyAsync(connection, brand, _pending, now, cancellationToken);
        ScrubNewDeliveries(erased);
        await using var append = new NpgsqlCommand(AppendSql, connection);
        append.Parameters.AddWithValue("brand", brand);
        append.Parameters.AddWithValue("count", (long)_pending.Count);
        append.Parameters.AddWithValue("now", now.ToUniversalTime());
        append.Parameters.AddWithValue("ids", _pending.Select(e => e.EventId).ToArray());
        append.Parameters.AddWithValue("types", _pending.Select(e => e.Type).ToArray());
        append.Parameters.AddWithValue("occurred", _pending.Select(e => e.OccurredAt.ToUniversalTime()).ToArray());
        append.Parameters.Add(new NpgsqlParameter("creators", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = _pending.Select(e => e.CreatorId).ToArray() });
        var scrubbed = _pending.Select(e => e.CreatorId is { } creator && erased.Contains(creator) && e.MayCarryPersonalData ? PersonalData.Scrub(e.Data) : null).ToArray();
        append.Parameters.AddWithValue("data", _pending.Select((e, i) => scrubbed[i] ?? e.Data).ToArray());
        append.Parameters.AddWithValue("redacted", scrubbed.Select(s => s is not null).ToArray());
        append.Parameters.AddWithValue("channel", ChannelName);
        append.Parameters.AddWithValue("payload", brand.ToString());
        await append.ExecuteNonQueryAsync(cancellationToken);
        _pending.Clear();
    }

    /// <summary>
    /// Deliveries this transaction is about to insert (flushes run before the save) for a creator who is
    /// erased, now or before, go out without the creator's personal data, like the log's copy.
    /// </summary>
    private void ScrubNewDeliveries(HashSet<Guid> erased)
    {
        foreach (var delivery in db.ChangeTracker.Entries<WebhookDelivery>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
        {
            if (delivery.CreatorId is { } creator && erased.Contains(creator) && PersonalData.Scrub(delivery.Payload) is { } scrubbed)
            {
                delivery.Payload = scrubbed;
            }
        }
    }

    private const string AppendSql = """
        WITH head AS (
            INSERT INTO partner_event_heads AS h (brand_id, last_position, expired_through) VALUES (@brand, @count, 0)
            ON CONFLICT (brand_id) DO UPDATE SET last_position = h.last_position + @count
            RETURNING last_position)
        INSERT INTO partner_events (brand_id, position, event_id, event_type, occurred_at, recorded_at, creator_id, data, redacted)
        SELECT @brand, head.last_position - @count + e.ordinal, e.event_id, e.event_type, e.occurred_at, @now, e.creator_id, e.data, e.redacted
        FROM head, unnest(@ids, @types, @occurred, @creators, @data, @redacted) WITH ORDINALITY
            AS e(event_id, event_type, occurred_at, creator_id, data, redacted, ordinal);
        SELECT pg_notify(@channel, @payload);
        """;
}

/// <summary>An event waiting for the end of its transaction to be logged.</summary>
public sealed record PendingEvent(Guid EventId, string Type, DateTimeOffset OccurredAt, Guid? CreatorId, string Data, bool MayCarryPersonalData, bool IsErasure);
