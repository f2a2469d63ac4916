using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.SystemTestKit;

namespace Reliability.Tests.Money;

/// <summary>A shop posting orders and refunds through the gateway, each checked against the reference model's expectation.</summary>
public static class Orders
{
    public static object Body(string orderId, decimal amount, DateTimeOffset orderedAt, string? promoCode = null, Guid? clickId = null) => new
    {
        orderId, amount, currency = "USD", orderedAt = orderedAt.ToString("O", CultureInfo.InvariantCulture), promoCode, clickId,
    };

    /// <summary>Posts the order, records it in the model as the rules say tracking attributes it, and checks tracking agrees.</summary>
    public static async Task<ReferenceModel.Order> PostAsync(
        GatewayClient partner, ReferenceModel model, string orderId, Enrollment? expectedAttribution, decimal amount, DateTimeOffset orderedAt,
        string? promoCode = null, Guid? clickId = null) =>
        Expect(await partner.SendAsync(HttpMethod.Post, "/api/conversions", Body(orderId, amount, orderedAt, promoCode, clickId)),
            model, orderId, expectedAttribution, amount, orderedAt);

    /// <summary>
    /// Posts the order as a shop does while the service may be unavailable: a 503 (or the gateway's 502/504)
    /// is answered by sending the same order again, until it is accepted; then as <see cref="PostAsync"/>.
    /// Returns how many times it was refused.
    /// </summary>
    public static async Task<int> PostUntilAcceptedAsync(
        GatewayClient partner, ReferenceModel model, string orderId, Enrollment expectedAttribution, decimal amount, DateTimeOffset orderedAt)
    {
        var giveUp = DateTimeOffset.UtcNow.AddMinutes(2);
        for (var refusals = 0; ; refusals++)
        {
            var (status, text) = await partner.SendRawAsync(HttpMethod.Post, "/api/conversions",
                JsonContent.Create(Body(orderId, amount, orderedAt, expectedAttribution.PromoCode)));
            if ((int)status is >= 200 and < 300)
            {
                Expect(JsonDocument.Parse(text).RootElement.Clone(), model, orderId, expectedAttribution, amount, orderedAt);
                return refusals;
            }

            var unavailable = status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;
            Assert.True(unavailable && DateTimeOffset.UtcNow < giveUp, $"order {orderId} answered {(int)status}: {text}");
            await Task.Delay(250);
        }
    }

    private static ReferenceModel.Order Expect(
        JsonElement answer, ReferenceModel model, string orderId, Enrollment? expectedAttribution, decimal amount, DateTimeOffset orderedAt)
    {
        var expected = model.Post(orderId, expectedAttribution, amount, orderedAt);
        var status = answer.GetProperty("status").GetString();
        if (expectedAttribution is null)
        {
            Assert.True(status == "unattributed", $"{orderId} should be unattributed: {answer}");
        }
        else
        {
            Assert.True(status == "attributed", $"{orderId} should be attributed: {answer}");
            Assert.Equal(expectedAttribution.Id, answer.GetProperty("enrollmentId").GetGuid());
            Assert.Equal(expected.Rank, answer.GetProperty("rankInMonth").GetInt32());
        }

        return expected;
    }

    public static async Task<JsonElement> RefundAsync(GatewayClient partner, ReferenceModel model, string orderId, string refundId, decimal amount)
    {
        var answer = await partner.SendAsync(HttpMethod.Post, $"/api/conversions/{orderId}/refunds", new { refundId, amount, currency = "USD" });
        model.Refund(orderId, amount);
        return answer;
    }

    /// <summary>Sends the same request <paramref name="times"/> times at once and returns every answer.</summary>
    public static Task<(HttpStatusCode Status, string Body)[]> StormAsync(GatewayClient client, string path, object body, int times) =>
        Task.WhenAll(Enumerable.Range(0, times).Select(_ => client.SendRawAsync(HttpMethod.Post, path, JsonContent.Create(body))));
}
