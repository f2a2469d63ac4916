using System.Net;
using System.Text.Json;

namespace Campaigns.Tests;

public sealed class GiftTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    [Fact]
    public async Task A_gift_is_shipped_then_delivered_with_one_event_each_and_its_value_in_the_campaigns_currency()
    {
        var (brand, campaign, enrollment, creator) = await service.ActiveEnrollmentAsync();
        var post = (await service.ReadAsync(HttpMethod.Post, "/api/posts", brand, PostBodies.Post(enrollment, PostBodies.Reel))).GetProperty("id").GetGuid();

        var gift = await service.ReadAsync(HttpMethod.Post, "/api/gifts", brand, Body(enrollment, post));
        var id = gift.GetProperty("id").GetGuid();
        var deliverEarly = await service.SendAsync(HttpMethod.Post, $"/api/gifts/{id}/deliver", brand, new { on = "2026-11-20" });
        await service.ReadAsync(HttpMethod.Post, $"/api/gifts/{id}/ship", brand, new { on = "2026-11-18" });
        var beforeShipping = await service.SendAsync(HttpMethod.Post, $"/api/gifts/{id}/deliver", brand, new { on = "2026-11-17" });
        var delivered = await service.ReadAsync(HttpMethod.Post, $"/api/gifts/{id}/deliver", brand, new { on = "2026-11-21" });
        var cancelDelivered = await service.SendAsync(HttpMethod.Post, $"/api/gifts/{id}/cancel", brand);
        var events = (await service.EventsAsync(brand)).Where(e => e.MessageType.Contains(".Gift", StringComparison.Ordinal)).ToList();
        var deliveredEvent = JsonDocument.Parse(events[^1].Body).RootElement;

        Assert.Equal((49.00m, "USD", "recorded"), (gift.GetProperty("totalValue").GetDecimal(), gift.GetProperty("currency").GetString(), gift.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, deliverEarly.StatusCode);
        Assert.Equal(["deliveredOn"], await beforeShipping.ErrorFieldsAsync());
        Assert.Equal(("delivered", "2026-11-18", "2026-11-21"), (delivered.GetProperty("status").GetString(), delivered.GetProperty("shippedOn").GetString(), delivered.GetProperty("deliveredOn").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, cancelDelivered.StatusCode);
        Assert.Equal(["GiftShipped", "GiftDelivered"], events.Select(e => e.MessageType.Split(',')[0].Split('.')[^1]));
        var state = deliveredEvent.GetProperty("gift");
        Assert.Equal((creator, campaign, post), (state.GetProperty("creatorId").GetGuid(), state.GetProperty("campaignId").GetGuid(), state.GetProperty("postId").GetGuid()));
        Assert.Equal((49.00m, "USD", 3L), (state.GetProperty("totalValue").GetProperty("amount").GetDecimal(), state.GetProperty("totalValue").GetProperty("currency").GetString(), deliveredEvent.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task Bad_gifts_are_refused_field_by_field_and_a_recorded_one_can_be_cancelled_without_an_event()
    {
        var (brand, _, enrollment, _) = await service.ActiveEnrollmentAsync();
        var (otherBrand, _, otherEnrollment, _) = await service.ActiveEnrollmentAsync();
        var otherPost = (await service.ReadAsync(HttpMethod.Post, "/api/posts", otherBrand, PostBodies.Post(otherEnrollment, PostBodies.Reel))).GetProperty("id").GetGuid();

        var fields = await service.SendAsync(HttpMethod.Post, "/api/gifts", brand, new { enrollmentId = enrollment, product = "", sku = "", quantity = 0, deliveredOn = "2026-11-01" });
        var currency = await service.SendAsync(HttpMethod.Post, "/api/gifts", brand, Body(enrollment, null) with { Currency = "EUR", UnitValue = 10.005m });
        var foreignPost = await service.SendAsync(HttpMethod.Post, "/api/gifts", brand, Body(enrollment, otherPost));
        var future = await service.SendAsync(HttpMethod.Post, "/api/gifts", brand, Body(enrollment, null) with { ShippedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3) });
        var atOnce = await service.ReadAsync(HttpMethod.Post, "/api/gifts", brand, Body(enrollment, null) with { ShippedOn = new DateOnly(2026, 11, 1), DeliveredOn = new DateOnly(2026, 11, 3) });
        var recorded = (await service.ReadAsync(HttpMethod.Post, "/api/gifts", brand, Body(enrollment, null))).GetProperty("id").GetGuid();
        var shipTomorrow = await service.SendAsync(HttpMethod.Post, $"/api/gifts/{recorded}/ship", brand, new { on = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1) });
        var cancelled = await service.ReadAsync(HttpMethod.Post, $"/api/gifts/{recorded}/cancel", brand);
        var listed = await service.ReadAsync(HttpMethod.Get, $"/api/gifts?enrollmentId={enrollment}&status=delivered", brand);
        var badFilter = await service.SendAsync(HttpMethod.Get, "/api/gifts?status=lost&limit=0", brand);

        Assert.Equal(["product", "quantity", "shippedOn", "sku", "unitValue"], await fields.ErrorFieldsAsync()); // every problem at once
        Assert.Equal(["currency", "unitValue"], await currency.ErrorFieldsAsync());
        Assert.Equal(["postId"], await foreignPost.ErrorFieldsAsync());
        Assert.Equal(["shippedOn"], await future.ErrorFieldsAsync());
        Assert.Equal(["on"], await shipTomorrow.ErrorFieldsAsync());
        Assert.Equal(["limit", "status"], await badFilter.ErrorFieldsAsync());
        Assert.Equal("delivered", atOnce.GetProperty("status").GetString());
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal([atOnce.GetProperty("id").GetGuid()], listed.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("id").GetGuid()));
        Assert.Equal(2, (await service.EventsAsync(brand)).Count(e => e.MessageType.Contains(".Gift", StringComparison.Ordinal))); // shipped and delivered at once
    }

    private sealed record GiftBody(Guid EnrollmentId, Guid? PostId, string Product, string Sku, int Quantity, decimal UnitValue, string? Currency, DateOnly? ShippedOn, DateOnly? DeliveredOn);

    private static GiftBody Body(Guid enrollment, Guid? post) => new(enrollment, post, "Vegan box", "VB-01", 2, 24.50m, "usd", null, null);
}
