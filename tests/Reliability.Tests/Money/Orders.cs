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
        string? promoCode = null, Guid? clickId = null)
    {
        var answer = await partner.SendAsync(HttpMethod.Post, "/api/conversions", Body(orderId, amount, orderedAt, promoCode, clickId));
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
