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
        switch (await recorder.RecordAsync(order, ct))
        {
            case PostOutcome.Recorded recorded:
                if (recorded.Replayed)
                {
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                }

                return TypedResults.Created($"/api/conversions?orderId={Uri.EscapeDataString(order.OrderId)}", ConversionView.From(recorded.Conversion));
            case PostOutcome.CurrencyMismatch mismatch:
                return Problems.Typed(422, "currency-mismatch", "Currency mismatch",
                    $"The order is attributed to campaign {mismatch.CampaignId}, which pays in {mismatch.CampaignCurrency}; the order is in {order.Amount.Currency.Code}. " +
                    "Post the amount in the campaign's currency. Nothing was stored.",
                    new() { ["campaignCurrency"] = mismatch.CampaignCurrency });
            case PostOutcome.DifferentOrder different:
                throw new ConflictException(
                    $"Order {order.OrderId} was already posted with other details (conversion {different.Existing.Id}); an order id is used once per brand.");
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
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
