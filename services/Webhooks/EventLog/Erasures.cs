using Npgsql;

namespace AmbassadorNet.Webhooks.EventLog;

/// <summary>
/// Erasure in the brands' logs: a <c>creator.erased</c> event records the creator and scrubs every
/// event already kept about them, and the payloads of their webhook deliveries; an event about an
/// erased creator that arrives later (queues do not keep order) is scrubbed before it is stored. The
/// events keep their ids and positions, the deliveries their webhook ids.
/// </summary>
internal static class Erasures
{
    /// <returns>The creators of <paramref name="pending"/> that are erased, now or before.</returns>
    public static async Task<HashSet<Guid>> ApplyAsync(NpgsqlConnection connection, Guid brand, IReadOnlyList<PendingEvent> pending, DateTimeOffset now, CancellationToken ct)
    {
        var erasedNow = pending.Where(e => e.IsErasure && e.CreatorId is not null).Select(e => e.CreatorId!.Value).Distinct().ToArray();
        var erased = new HashSet<Guid>(erasedNow);
        var carriers = pending.Where(e => e.MayCarryPersonalData && e.CreatorId is not null).Select(e => e.CreatorId!.Value).Except(erased).Distinct().ToArray();
        if (carriers.Length > 0)
        {
            erased.UnionWith(await ErasedAmongAsync(connection, brand, carriers, ct));
        }

        foreach (var creator in erasedNow)
        {
            await RecordAndScrubAsync(connection, brand, creator, now, ct);
            await ScrubDeliveriesAsync(connection, brand, creator, ct);
        }

        return erased;
    }

    private static async Task<List<Guid>> ErasedAmongAsync(NpgsqlConnection connection, Guid brand, Guid[] creators, CancellationToken ct)
    {
        await using var query = new NpgsqlCommand("SELECT creator_id FROM partner_event_erasures WHERE brand_id = @brand AND creator_id = ANY(@creators)", connection);
        query.Parameters.AddWithValue("brand", brand);
        query.Parameters.AddWithValue("creators", creators);
        var found = new List<Guid>();
        await using var reader = await query.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(reader.GetGuid(0));
        }

        return found;
    }

    /// <summary>
    /// The payloads of the creator's deliveries already stored (sent, pending, retrying or failed): what
    /// later attempts and replays send, and what the delivery log shows, loses the creator's personal data.
    /// </summary>
    private static async Task ScrubDeliveriesAsync(NpgsqlConnection connection, Guid brand, Guid creator, CancellationToken ct)
    {
        var kept = new List<(Guid Id, string Payload)>();
        await using (var read = new NpgsqlCommand(
            "SELECT id, payload FROM webhook_deliveries WHERE brand_id = @brand AND creator_id = @creator FOR UPDATE", connection))
        {
            read.Parameters.AddWithValue("brand", brand);
            read.Parameters.AddWithValue("creator", creator);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                kept.Add((reader.GetGuid(0), reader.GetString(1)));
            }
        }

        var changed = kept.Select(k => (k.Id, Payload: PersonalData.Scrub(k.Payload))).Where(k => k.Payload is not null).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        await using var scrub = new NpgsqlCommand("""
            UPDATE webhook_deliveries SET payload = s.payload
            FROM unnest(@ids, @payloads) AS s(id, payload)
            WHERE webhook_deliveries.brand_id = @brand AND webhook_deliveries.id = s.id
            """, connection);
        scrub.Parameters.AddWithValue("brand", brand);
        scrub.Parameters.AddWithValue("ids", changed.Select(k => k.Id).ToArray());
        scrub.Parameters.AddWithValue("payloads", changed.Select(k => k.Payload!).ToArray());
        await scrub.ExecuteNonQueryAsync(ct);
    }

    private static async Task RecordAndScrubAsync(NpgsqlConnection connection, Guid brand, Guid creator, DateTimeOffset now, CancellationToken ct)
    {
        await using (var record = new NpgsqlCommand(
            "INSERT INTO partner_event_erasures (brand_id, creator_id, erased_at) VALUES (@brand, @creator, @now) ON CONFLICT DO NOTHING", connection))
        {
            record.Parameters.AddWithValue("brand", brand);
            record.Parameters.AddWithValue("creator", creator);
            record.Parameters.AddWithValue("now", now.ToUniversalTime());
            await record.ExecuteNonQueryAsync(ct);
        }

        var kept = new List<(long Position, string Data)>();
        await using (var read = new NpgsqlCommand(
            "SELECT position, data FROM partner_events WHERE brand_id = @brand AND creator_id = @creator AND NOT redacted FOR UPDATE", connection))
        {
            read.Parameters.AddWithValue("brand", brand);
            read.Parameters.AddWithValue("creator", creator);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                kept.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        var changed = kept.Select(k => (k.Position, Data: PersonalData.Scrub(k.Data))).Where(k => k.Data is not null).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        await using var scrub = new NpgsqlCommand("""
            UPDATE partner_events SET data = s.data, redacted = true
            FROM unnest(@positions, @data) AS s(position, data)
            WHERE partner_events.brand_id = @brand AND partner_events.position = s.position
            """, connection);
        scrub.Parameters.AddWithValue("brand", brand);
        scrub.Parameters.AddWithValue("positions", changed.Select(k => k.Position).ToArray());
        scrub.Parameters.AddWithValue("data", changed.Select(k => k.Data).ToArray());
        await scrub.ExecuteNonQueryAsync(ct);
    }
}
