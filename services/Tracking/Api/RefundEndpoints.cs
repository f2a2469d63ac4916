using System.Text.Json;
using AmbassadorNet.Tracking.Conversions;

namespace AmbassadorNet.Tracking.Api;

/// <summary>Refunds of posted orders: partial or full, idempotent by refund id, never above the order.</summary>
internal static class RefundEndpoints
{
    public static async Task<Results<Created<RefundView>, ProblemHttpResult>> PostAsync(
        string orderId, JsonElement body, HttpContext http, RefundRecorder recorder, TimeProvider clock, CancellationToken ct)
    {
        var post = ConversionRequests.ReadRefund(orderId, body, clock.GetUtcNow());
        switch (await recorder.RecordAsync(post, ct))
        {
            case RefundOutcome.Recorded recorded:
                if (recorded.Replayed)
                {
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                }

                return TypedResults.Created(
                    $"/api/conversions?orderId={Uri.EscapeDataString(orderId)}", RefundView.From(recorded.Refund, recorded.Conversion));
            case RefundOutcome.OrderNotFound:
                return Problems.Typed(404, "order-not-found", "Order not found",
                    $"Order {orderId} has not been posted to POST /api/conversions (yet). Post the order first, or retry this refund later: nothing was stored.");
            case RefundOutcome.CurrencyMismatch mismatch:
                return Problems.Typed(422, "currency-mismatch", "Currency mismatch",
                    $"Order {orderId} is in {mismatch.OrderCurrency}; refund it in the same currency. Nothing was stored.",
                    new() { ["orderCurrency"] = mismatch.OrderCurrency });
            case RefundOutcome.ExceedsOrder exceeds:
                var refundable = OrderRules.Normalized(exceeds.Refundable, exceeds.Currency);
                return Problems.Typed(422, "refund-exceeds-order", "Refund exceeds the order",
                    $"Only {refundable} {exceeds.Currency} of order {orderId} is left to refund. Nothing was stored.",
                    new() { ["refundable"] = refundable, ["currency"] = exceeds.Currency });
            case RefundOutcome.DifferentRefund different:
                throw new ConflictException($"Refund {different.Existing.RefundId} of order {orderId} was already recorded with another amount, currency or time.");
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }
}
