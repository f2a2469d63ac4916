using AmbassadorNet.PartnerApi;
using AmbassadorNet.Partner.V1;
using AmbassadorNet.Webhooks.EventLog;
using AmbassadorNet.Webhooks.Persistence;
using Google.Protobuf.WellKnownTypes;
using System.Text;
using System.Text.Json;
using Grpc.Core;

namespace AmbassadorNet.Webhooks.Partner;

/// <summary>
/// The partner event stream: the calling brand's log (the brand scope of the call's token) from the
/// start it asked for, page by page while catching up, then each new event as its notification
/// arrives. It ends only when the client goes or this process stops; then it says UNAVAILABLE so
/// the client resumes elsewhere from its last position.
/// </summary>
public sealed class EventStreamService(
    WebhooksDbContext db, EventLogSignals signals, IOptions<EventLogOptions> options, IHostApplicationLifetime lifetime) : EventStream.EventStreamBase
{
    public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<Event> responseStream, ServerCallContext context)
    {
        var types = StreamStart.Types(request);
        var brand = db.CurrentBrandId;
        var after = await StreamStart.ResolveAsync(request, db, context.CancellationToken);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var ct = stopping.Token;
        try
        {
            while (true)
            {
                var changed = signals.Next(brand);
                var page = await ReadPageAsync(after, types, ct);
                foreach (var entry in page)
                {
                    await responseStream.WriteAsync(ToMessage(entry), ct);
                    after = entry.Position;
                }

                if (page.Count < options.Value.PageSize)
                {
                    await WaitAsync(changed, ct);
                }
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw PartnerErrors.Create(503, "Service restarting",
                $"This instance is stopping. Subscribe again with after_position = the last position you processed ({after} was the last one sent).");
        }
    }

    private Task<List<PartnerEvent>> ReadPageAsync(long after, string[]? types, CancellationToken ct)
    {
        var query = db.PartnerEvents.AsNoTracking().Where(e => e.Position > after);
        if (types is not null)
        {
            query = query.Where(e => types.Contains(e.EventType));
        }

        return query.OrderBy(e => e.Position).Take(options.Value.PageSize).ToListAsync(ct);
    }

    private async Task WaitAsync(Task changed, CancellationToken ct)
    {
        try
        {
            await changed.WaitAsync(options.Value.PollInterval, ct);
        }
        catch (TimeoutException)
        {
            // Poll: read again even without a notification.
        }
    }

    /// <summary>
    /// The event's own occurredAt, to the tick, as the webhook body has it: the column keeps what
    /// PostgreSQL keeps (microseconds). It is the second property of every event, so the scan is short.
    /// </summary>
    private static DateTimeOffset OccurredAtOf(PartnerEvent entry)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(entry.Data));
        while (reader.Read())
        {
            if (reader is { TokenType: JsonTokenType.PropertyName, CurrentDepth: 1 } && reader.ValueTextEquals("occurredAt") && reader.Read())
            {
                return reader.GetDateTimeOffset();
            }
        }

        return entry.OccurredAt;
    }

    private static Event ToMessage(PartnerEvent entry) => new()
    {
        Id = $"msg_{entry.EventId:N}",
        Position = (ulong)entry.Position,
        Type = entry.EventType,
        OccurredAt = Timestamp.FromDateTimeOffset(OccurredAtOf(entry)),
        RecordedAt = Timestamp.FromDateTimeOffset(entry.RecordedAt),
        DataJson = entry.Data,
        Redacted = entry.Redacted,
    };
}
