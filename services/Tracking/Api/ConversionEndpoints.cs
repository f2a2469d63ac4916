using System.Text.Json;
using AmbassadorNet.Persistence.Pagination;
using AmbassadorNet.Tracking.Conversions;

namespace AmbassadorNet.Tracking.Api;

/// <summary>Orders from partner shops: post one (idempotent per order id), list them.</summary>
internal static class ConversionEndpoints
{
    private static readonly KeysetOrder<Conversion, DateTimeOffset> NewestOrder = new("ordered", c => c.OrderedAt, c => c.Id, descending: true);

    public static async Task<Results<Created<ConversionView>, ProblemHttpResult>> PostAsync(
        JsonElement body, HttpContext http, ConversionRecorder recorder, TimeProvider clock, CancellationToken ct)
    {
        var order = ConversionRequests.ReadOrder(body, clock.GetUtcNow());
        var outcome = await recorder.RecordAsync(order, ct);
        if (OrderProblem.Of(outcome, order) is { } problem)
        {
            return problem.ToHttp();
        }

        var recorded = (PostOutcome.Recorded)outcome;
        if (recorded.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return TypedResults.Created($"/api/conversions?orderId={Uri.EscapeDataString(order.OrderId)}", ConversionView.From(recorded.Conversion));
    }

    public static async Task<Ok<ConversionPage>> ListAsync(
        string? status, string? campaignId, string? creatorId, string? enrollmentId, string? orderId, string? flagged, string? orderedFrom, string? orderedTo,
        string? cursor, int? limit, TrackingDbContext db, CancellationToken ct)
    {
        var filter = ConversionFilter.Read(status, campaignId, creatorId, enrollmentId, orderId, flagged, orderedFrom, orderedTo, limit);
        var page = await filter.Apply(db.Conversions.AsNoTracking()).ToPageAsync(NewestOrder, cursor, limit ?? 50, ct);
        return TypedResults.Ok(new ConversionPage([.. page.Items.Select(ConversionListItem.Of)], page.NextCursor));
    }
}
