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
        var outcome = await recorder.RecordAsync(post, ct);
        if (OrderProblem.Of(outcome, post) is { } problem)
        {
            return problem.ToHttp();
        }

        var recorded = (RefundOutcome.Recorded)outcome;
        if (recorded.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return TypedResults.Created($"/api/conversions?orderId={Uri.EscapeDataString(orderId)}", RefundView.From(recorded.Refund, recorded.Conversion));
    }
}
