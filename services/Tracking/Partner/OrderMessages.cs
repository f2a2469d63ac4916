using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AmbassadorNet.Partner.V1;
using AmbassadorNet.Tracking.Api;
using Google.Protobuf.WellKnownTypes;
using Conversion = AmbassadorNet.Partner.V1.Conversion;

namespace AmbassadorNet.Tracking.Partner;

/// <summary>
/// The order stream's messages in the HTTP API's terms. An order or refund is turned into the JSON
/// body POST /api/conversions (or its refunds) takes and read by the very same code, so both APIs
/// validate alike and name the same fields; the answers are the same views, as messages.
/// </summary>
internal static class OrderMessages
{
    public static JsonElement BodyOf(Order order)
    {
        var body = new JsonObject
        {
            ["orderId"] = order.OrderId,
            ["amount"] = order.Amount?.Amount,
            ["currency"] = order.Amount?.Currency,
            ["orderedAt"] = TimeText(order.OrderedAt),
            ["clickId"] = Optional(order.ClickId),
            ["promoCode"] = Optional(order.PromoCode),
            ["customerId"] = Optional(order.CustomerId),
        };
        return JsonSerializer.SerializeToElement(body);
    }

    public static JsonElement BodyOf(Refund refund) => JsonSerializer.SerializeToElement(new JsonObject
    {
        ["refundId"] = refund.RefundId,
        ["amount"] = refund.Amount?.Amount,
        ["currency"] = refund.Amount?.Currency,
        ["refundedAt"] = TimeText(refund.RefundedAt),
    });

    /// <summary>The JSON field the HTTP API names (orderId) as the message's field (order_id).</summary>
    public static string FieldOf(string jsonField) => JsonNamingPolicy.SnakeCaseLower.ConvertName(jsonField);

    public static Conversion ToMessage(ConversionView view)
    {
        var message = new Conversion
        {
            Id = view.Id.ToString(), OrderId = view.OrderId, Amount = MoneyOf(view.Amount, view.Currency), OrderedAt = Timestamp.FromDateTimeOffset(view.OrderedAt),
            Status = view.Status, Method = view.Method ?? "", Reason = view.Reason ?? "", EnrollmentId = Text(view.EnrollmentId), CampaignId = Text(view.CampaignId),
            CreatorId = Text(view.CreatorId), ClickId = Text(view.ClickId), ClickedAt = view.ClickedAt is { } clicked ? Timestamp.FromDateTimeOffset(clicked) : null,
            PromoCode = view.PromoCode ?? "", CustomerId = view.CustomerId ?? "", RankInMonth = view.RankInMonth ?? 0,
            RecordedAt = Timestamp.FromDateTimeOffset(view.RecordedAt), PostId = Text(view.PostId),
        };
        message.Flags.AddRange(view.Flags);
        return message;
    }

    public static RefundRecorded ToMessage(RefundView view) => new()
    {
        RefundId = view.RefundId, OrderId = view.OrderId, ConversionId = view.ConversionId.ToString(), Amount = MoneyOf(view.Amount, view.Currency),
        RefundedAt = Timestamp.FromDateTimeOffset(view.RefundedAt), CumulativeRefunded = MoneyOf(view.CumulativeRefunded, view.Currency),
        OrderAmount = MoneyOf(view.OrderAmount, view.Currency), FullyRefunded = view.FullyRefunded, RecordedAt = Timestamp.FromDateTimeOffset(view.RecordedAt),
    };

    private static Money MoneyOf(decimal amount, string currency) => new() { Amount = amount.ToString(CultureInfo.InvariantCulture), Currency = currency };

    private static string Text(Guid? id) => id?.ToString() ?? "";

    /// <summary>proto3 has no absent string: an empty one means "not sent", as a missing JSON field does.</summary>
    private static string? Optional(string value) => value.Length == 0 ? null : value;

    /// <summary>A time as the JSON body carries it; one outside Timestamp's range stays text the reader refuses for its field.</summary>
    private static string? TimeText(Timestamp? time)
    {
        if (time is null)
        {
            return null;
        }

        try
        {
            return time.ToDateTimeOffset().ToString("O", CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return $"invalid timestamp ({time.Seconds} s, {time.Nanos} ns)";
        }
    }
}
