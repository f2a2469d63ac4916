using System.Text.Json;
using AmbassadorNet.Tracking.Conversions;

namespace AmbassadorNet.Tracking.Api;

/// <summary>The JSON bodies of POST /api/conversions and its refunds, checked field by field (every error in one 400).</summary>
internal static class ConversionRequests
{
    public static OrderPost ReadOrder(JsonElement body, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var fields = JsonFields.Of(body, errors);
        var orderId = fields.String("orderId", required: true);
        OrderRules.CheckId(errors, "orderId", orderId);
        var amount = OrderRules.Amount(errors, fields.Decimal("amount"), fields.String("currency", required: true));
        var orderedAt = fields.Time("orderedAt", required: true);
        OrderRules.CheckTime(errors, "orderedAt", orderedAt, now);
        var clickId = fields.Guid("clickId");
        var promoCode = fields.String("promoCode")?.Trim();
        errors.Check(promoCode is null || promoCode.Length is >= 1 and <= 64 && !promoCode.Any(char.IsControl), "promoCode", "1 to 64 characters.");
        var customerId = fields.String("customerId");
        errors.Check(customerId is null || customerId.Length is >= 1 and <= 100 && !customerId.Any(char.IsControl), "customerId", "1 to 100 characters.");
        errors.ThrowIfAny();
        return new OrderPost(orderId!, amount!.Value, orderedAt!.Value, clickId, promoCode, customerId);
    }

    public static RefundPost ReadRefund(string orderId, JsonElement body, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        OrderRules.CheckId(errors, "orderId", orderId);
        var fields = JsonFields.Of(body, errors);
        var refundId = fields.String("refundId", required: true);
        OrderRules.CheckId(errors, "refundId", refundId);
        var amount = OrderRules.Amount(errors, fields.Decimal("amount"), fields.String("currency", required: true));
        var refundedAt = fields.Time("refundedAt", required: false);
        OrderRules.CheckTime(errors, "refundedAt", refundedAt, now);
        errors.ThrowIfAny();
        return new RefundPost(orderId, refundId!, amount!.Value, refundedAt);
    }
}
