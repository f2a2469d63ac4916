using AmbassadorNet.Tracking.Conversions;

namespace AmbassadorNet.Tracking.Api;

/// <summary>
/// A refused order or refund in words both APIs use: the HTTP endpoints answer it as problem details,
/// the gRPC order stream as a google.rpc.Status with the same type. <see cref="Type"/> is the word
/// after <see cref="Problems.TypePrefix"/>, or null for the status's standard type.
/// </summary>
internal sealed record OrderProblem(int Status, string? Type, string Title, string Detail, Dictionary<string, object?>? Extensions = null)
{
    public string? TypeUri => Type is null ? null : Problems.TypePrefix + Type;

    public ProblemHttpResult ToHttp() =>
        TypedResults.Problem(Detail, statusCode: Status, title: Title, type: TypeUri, extensions: Extensions);

    /// <summary>Why a posted order was not recorded; null when it was.</summary>
    public static OrderProblem? Of(PostOutcome outcome, OrderPost order) => outcome switch
    {
        PostOutcome.Recorded => null,
        PostOutcome.CurrencyMismatch mismatch => new(422, "currency-mismatch", "Currency mismatch",
            $"The order is attributed to campaign {mismatch.CampaignId}, which pays in {mismatch.CampaignCurrency}; the order is in {order.Amount.Currency.Code}. " +
            "Post the amount in the campaign's currency. Nothing was stored.",
            new() { ["campaignCurrency"] = mismatch.CampaignCurrency }),
        PostOutcome.DifferentOrder different => new(409, null, "Conflict",
            $"Order {order.OrderId} was already posted with other details (conversion {different.Existing.Id}); an order id is used once per brand."),
        _ => throw new InvalidOperationException("Unknown outcome."),
    };

    /// <summary>Why a posted refund was not recorded; null when it was.</summary>
    public static OrderProblem? Of(RefundOutcome outcome, RefundPost refund) => outcome switch
    {
        RefundOutcome.Recorded => null,
        RefundOutcome.OrderNotFound => new(404, "order-not-found", "Order not found",
            $"Order {refund.OrderId} has not been posted to POST /api/conversions (yet). Post the order first, or retry this refund later: nothing was stored."),
        RefundOutcome.CurrencyMismatch mismatch => new(422, "currency-mismatch", "Currency mismatch",
            $"Order {refund.OrderId} is in {mismatch.OrderCurrency}; refund it in the same currency. Nothing was stored.",
            new() { ["orderCurrency"] = mismatch.OrderCurrency }),
        RefundOutcome.ExceedsOrder exceeds => ExceedsOrder(refund.OrderId, OrderRules.Normalized(exceeds.Refundable, exceeds.Currency), exceeds.Currency),
        RefundOutcome.DifferentRefund different => new(409, null, "Conflict",
            $"Refund {different.Existing.RefundId} of order {refund.OrderId} was already recorded with another amount, currency or time."),
        _ => throw new InvalidOperationException("Unknown outcome."),
    };

    private static OrderProblem ExceedsOrder(string orderId, decimal refundable, string currency) => new(422, "refund-exceeds-order", "Refund exceeds the order",
        $"Only {refundable} {currency} of order {orderId} is left to refund. Nothing was stored.",
        new() { ["refundable"] = refundable, ["currency"] = currency });
}
