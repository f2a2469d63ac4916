using System.Net;
using System.Text.Json;

namespace Tracking.Tests;

public sealed class RefundTests(TrackingService service) : IClassFixture<TrackingService>
{
    [Fact]
    public async Task Partial_then_full_refunds_accumulate_and_each_publishes_the_cumulative_total()
    {
        var brand = Guid.CreateVersion7();
        var e = await service.EnrollAsync(brand);
        var conversion = await service.ConvertAsync(brand, Shop.Order("O-1", 100m, promo: e.Promo));

        var partial = await ReadAsync(await service.RefundAsync(brand, "O-1", Shop.Refund("r1", 30m)));
        var rest = await ReadAsync(await service.RefundAsync(brand, "O-1", Shop.Refund("r2", 70m, at: DateTimeOffset.UtcNow.AddMinutes(-1))));
        var listed = (await service.ReadAsync(HttpMethod.Get, "/api/conversions?orderId=O-1", brand)).GetProperty("items")[0];
        await service.AllDispatchedAsync(brand);
        var reversed = await service.EventsAsync(brand, "ConversionReversed");

        Assert.Equal(("30.00", "30.00", false), (partial.GetProperty("amount").GetRawText(), partial.GetProperty("cumulativeRefunded").GetRawText(), partial.GetProperty("fullyRefunded").GetBoolean()));
        Assert.Equal(("100.00", true), (rest.GetProperty("cumulativeRefunded").GetRawText(), rest.GetProperty("fullyRefunded").GetBoolean()));
        Assert.Equal(("100.00", true), (listed.GetProperty("refundedAmount").GetRawText(), listed.GetProperty("fullyRefunded").GetBoolean()));
        Assert.Equal([30m, 100m], reversed.Select(r => r.GetProperty("cumulativeRefunded").GetProperty("amount").GetDecimal()));
        Assert.All(reversed, r => Assert.Equal((e.EnrollmentId, conversion.GetProperty("id").GetGuid(), 100m),
            (r.GetProperty("enrollmentId").GetGuid(), r.GetProperty("conversionId").GetGuid(), r.GetProperty("orderAmount").GetProperty("amount").GetDecimal())));
        Assert.Equal([false, true], reversed.Select(r => r.GetProperty("fullyRefunded").GetBoolean()));
    }

    [Fact]
    public async Task A_refund_beyond_what_is_left_is_refused_with_the_refundable_amount_and_changes_nothing()
    {
        var brand = Guid.CreateVersion7();
        await service.ConvertAsync(brand, Shop.Order("O-2", 50m));
        await ReadAsync(await service.RefundAsync(brand, "O-2", Shop.Refund("r1", 20m)));

        using var tooMuch = await service.RefundAsync(brand, "O-2", Shop.Refund("r2", 30.01m));
        var problem = JsonDocument.Parse(await tooMuch.Content.ReadAsStringAsync()).RootElement;
        using var wrongCurrency = await service.RefundAsync(brand, "O-2", Shop.Refund("r3", 1m, "EUR"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
        Assert.EndsWith("refund-exceeds-order", problem.Str("type"));
        Assert.Equal(30m, problem.GetProperty("refundable").GetDecimal());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongCurrency.StatusCode);
        Assert.Equal(1L, await service.CountAsync("conversion_refunds", brand));
        Assert.Equal(20m, await service.ScalarAsync<decimal>("SELECT refunded_amount FROM conversions WHERE brand_id = @b", ("b", brand)));
    }

    [Fact]
    public async Task A_retried_refund_answers_the_original_body_and_another_body_with_its_id_is_a_409()
    {
        var brand = Guid.CreateVersion7();
        await service.ConvertAsync(brand, Shop.Order("O-3", 80m));
        var refund = Shop.Refund("full", 80m);

        using var first = await service.RefundAsync(brand, "O-3", refund);
        using var retry = await service.RefundAsync(brand, "O-3", refund);
        using var different = await service.RefundAsync(brand, "O-3", Shop.Refund("full", 40m));
        await service.AllDispatchedAsync(brand);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, retry.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Conflict, different.StatusCode);
        Assert.Single(await service.EventsAsync(brand, "ConversionReversed"));
    }

    [Fact]
    public async Task A_refund_of_an_order_not_yet_posted_is_a_404_telling_the_shop_to_retry()
    {
        var brand = Guid.CreateVersion7();

        using var response = await service.RefundAsync(brand, "NOT-YET", Shop.Refund("r1", 5m));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.EndsWith("order-not-found", problem.Str("type"));
        Assert.Contains("retry", problem.Str("detail"));
        Assert.Equal(0L, await service.CountAsync("conversion_refunds", brand));
    }

    [Fact]
    public async Task Concurrent_refunds_that_each_fit_but_together_exceed_the_order_cannot_both_pass()
    {
        var brand = Guid.CreateVersion7();
        for (var round = 0; round < 5; round++)
        {
            var orderId = $"RACE-{round}";
            await service.ConvertAsync(brand, Shop.Order(orderId, 100m));

            var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
            {
                using var response = await service.RefundAsync(brand, orderId, Shop.Refund($"half-{i}", 60m));
                return response.StatusCode;
            }));

            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
            Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.UnprocessableEntity));
            Assert.Equal(60m, await service.ScalarAsync<decimal>(
                "SELECT refunded_amount FROM conversions WHERE brand_id = @b AND order_id = @o", ("b", brand), ("o", orderId)));
        }
    }

    [Fact]
    public async Task An_unattributed_order_can_be_refunded_and_its_reversal_carries_no_attribution()
    {
        var brand = Guid.CreateVersion7();
        await service.ConvertAsync(brand, Shop.Order("plain", 12m));

        await ReadAsync(await service.RefundAsync(brand, "plain", Shop.Refund("r", 12m)));
        await service.AllDispatchedAsync(brand);
        var reversed = Assert.Single(await service.EventsAsync(brand, "ConversionReversed"));

        Assert.Equal(JsonValueKind.Null, reversed.GetProperty("enrollmentId").ValueKind);
        Assert.True(reversed.GetProperty("fullyRefunded").GetBoolean());
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
