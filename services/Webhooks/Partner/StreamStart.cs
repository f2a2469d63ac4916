using AmbassadorNet.PartnerApi;
using AmbassadorNet.Partner.V1;
using AmbassadorNet.Webhooks.EventLog;
using AmbassadorNet.Webhooks.Persistence;
using Grpc.Core;

namespace AmbassadorNet.Webhooks.Partner;

/// <summary>
/// Where a subscription starts, checked against the brand's head: from now (the newest position),
/// the oldest retained event, or after a position the client processed, which must be neither
/// expired nor beyond the newest.
/// </summary>
public static class StreamStart
{
    public const string PositionExpired = PartnerErrors.TypePrefix + "position-expired";
    public const string PositionUnknown = PartnerErrors.TypePrefix + "position-unknown";

    /// <returns>The position after which the stream sends events.</returns>
    public static async Task<long> ResolveAsync(SubscribeRequest request, WebhooksDbContext db, CancellationToken ct)
    {
        var head = await db.PartnerEventHeads.AsNoTracking().SingleOrDefaultAsync(ct) ?? new PartnerEventHead();
        switch (request.FromCase)
        {
            case SubscribeRequest.FromOneofCase.Oldest:
                return head.ExpiredThrough;
            case SubscribeRequest.FromOneofCase.AfterPosition:
                var after = checked((long)request.AfterPosition);
                if (after < head.ExpiredThrough)
                {
                    throw PartnerErrors.Create(410, "Position expired",
                        $"Events up to position {head.ExpiredThrough} are past the retention period and were deleted; position {after} cannot be resumed without a gap. " +
                        "Subscribe with from = oldest to replay what is retained, and reconcile the gap from the HTTP API.",
                        PositionExpired, code: StatusCode.OutOfRange);
                }

                if (after > head.LastPosition)
                {
                    throw PartnerErrors.Create(400, "Position unknown",
                        $"The brand's log has reached position {head.LastPosition}; position {after} was never given out. Resume from a position this brand's stream sent.",
                        PositionUnknown, code: StatusCode.OutOfRange);
                }

                return after;
            default:
                return head.LastPosition;
        }
    }

    /// <summary>The event types asked for, or null for every type; an unknown name is a validation error naming it.</summary>
    public static string[]? Types(SubscribeRequest request)
    {
        if (request.EventTypes.Count == 0)
        {
            return null;
        }

        // A retired type is still asked for by name: the log keeps the events it carried before it was retired.
        var unknown = request.EventTypes.Where(t => !PublicEvents.ByName.ContainsKey(t) && !PublicEvents.Retired.ContainsKey(t)).ToList();
        if (unknown.Count > 0)
        {
            throw PartnerErrors.Create(400, "Validation failed", $"Unknown event types: {string.Join(", ", unknown)}. GET /api/webhooks/event-types lists them.",
                fieldErrors: new Dictionary<string, string[]> { ["event_types"] = [.. unknown.Select(t => $"'{t}' is not an event type.")] });
        }

        return [.. request.EventTypes.Distinct(StringComparer.Ordinal)];
    }
}
