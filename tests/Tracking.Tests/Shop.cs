using System.Net;
using System.Text.Json;
using AmbassadorNet.TestKit.Postgres;
using AmbassadorNet.TestKit.Waiting;
using Npgsql;

namespace Tracking.Tests;

/// <summary>One enrollment of a launched campaign, with the link and promo code tracking issued for it.</summary>
public sealed record Enrollment(Guid Brand, Guid CampaignId, Guid EnrollmentId, Guid CreatorId, Guid LinkId, string Link, string Promo);

/// <summary>What a partner shop does in the tests: orders and refunds through the real API, clicks placed at chosen times.</summary>
public static class Shop
{
    public static async Task<Enrollment> EnrollAsync(
        this TrackingService service, Guid brand, Guid? campaign = null, string currency = "USD", int windowDays = 30, string handle = "@jane.doe")
    {
        var campaignId = campaign ?? Guid.CreateVersion7();
        if (campaign is null)
        {
            await service.PublishAsync(Events.Launched(brand, campaignId, currency: currency, windowDays: windowDays));
        }

        var enrollmentId = Guid.CreateVersion7();
        await service.PublishAsync(Events.Enrolled(brand, campaignId, enrollmentId, handle));
        var (link, promo) = await service.CodesOfAsync(brand, enrollmentId);
        var item = (await service.ReadAsync(HttpMethod.Get, $"/api/links?enrollmentId={enrollmentId}", brand)).GetProperty("items")[0];
        return new Enrollment(brand, campaignId, enrollmentId, item.GetProperty("creatorId").GetGuid(), item.GetProperty("id").GetGuid(), link, promo);
    }

    /// <summary>A click on the enrollment's link at <paramref name="at"/>, stored as the click writer stores one.</summary>
    public static async Task<Guid> ClickAsync(this TrackingService service, Enrollment e, DateTimeOffset at, bool bot = false, bool attributable = true)
    {
        var id = Guid.CreateVersion7(at);
        await using var connection = new NpgsqlConnection(service.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO clicks (id, brand_id, link_id, enrollment_id, campaign_id, creator_id, clicked_at, ip_hash, is_bot, is_duplicate, is_attributable)
            VALUES (@id, @brand, @link, @enrollment, @campaign, @creator, @at, 'hash', @bot, false, @attributable)
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("brand", e.Brand);
        command.Parameters.AddWithValue("link", e.LinkId);
        command.Parameters.AddWithValue("enrollment", e.EnrollmentId);
        command.Parameters.AddWithValue("campaign", e.CampaignId);
        command.Parameters.AddWithValue("creator", e.CreatorId);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        command.Parameters.AddWithValue("bot", bot);
        command.Parameters.AddWithValue("attributable", attributable);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    public static Dictionary<string, object?> Order(
        string orderId, decimal amount = 100m, string currency = "USD", DateTimeOffset? at = null, Guid? clickId = null, string? promo = null, string? customer = null) => new()
    {
        ["orderId"] = orderId, ["amount"] = amount, ["currency"] = currency, ["orderedAt"] = at ?? DateTimeOffset.UtcNow,
        ["clickId"] = clickId, ["promoCode"] = promo, ["customerId"] = customer,
    };

    public static Task<HttpResponseMessage> PostOrderAsync(this TrackingService service, Guid brand, object body, string role = "partner") =>
        service.SendAsync(HttpMethod.Post, "/api/conversions", brand, body, role);

    /// <summary>Posts an order that must be stored (201) and returns the conversion.</summary>
    public static async Task<JsonElement> ConvertAsync(this TrackingService service, Guid brand, object body)
    {
        using var response = await service.PostOrderAsync(brand, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> RefundAsync(this TrackingService service, Guid brand, string orderId, object body, string role = "partner") =>
        service.SendAsync(HttpMethod.Post, $"/api/conversions/{Uri.EscapeDataString(orderId)}/refunds", brand, body, role);

    public static object Refund(string refundId, decimal amount, string currency = "USD", DateTimeOffset? at = null) =>
        new Dictionary<string, object?> { ["refundId"] = refundId, ["amount"] = amount, ["currency"] = currency, ["refundedAt"] = at };

    public static Task<long> CountAsync(this TrackingService service, string table, Guid brand) =>
        service.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE brand_id = @b", ("b", brand));

    /// <summary>The bodies of the brand's outbox events of one type, oldest first.</summary>
    public static Task<List<JsonElement>> EventsAsync(this TrackingService service, Guid brand, string type) =>
        OutboxEvents.OfTypeAsync(service.Database.ConnectionString, brand, type);

    /// <summary>Every event of the brand handed to the broker (the outbox dispatcher confirmed it).</summary>
    public static Task AllDispatchedAsync(this TrackingService service, Guid brand) =>
        Eventually.UntilAsync(
            async _ => await service.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE brand_id = @b AND dispatched_at IS NULL", ("b", brand)) == 0,
            "outbox dispatched");
}
