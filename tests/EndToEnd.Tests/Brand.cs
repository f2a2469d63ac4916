using System.Text.Json;
using AmbassadorNet.SystemTestKit;
using AmbassadorNet.TestKit.Waiting;

namespace EndToEnd.Tests;

/// <summary>
/// A brand's tools, one API key per role as a brand would hand them out: the manager runs creators
/// and campaigns, the partner key is the shop's, finance reads and moves the ledger, the analyst reads.
/// </summary>
public sealed class Brand
{
    private Brand(GatewayClient admin, GatewayClient manager, GatewayClient finance, GatewayClient analyst, GatewayClient partner, GatewayClient operatorClient)
    {
        (Admin, Manager, Finance, Analyst, Partner, Operator) = (admin, manager, finance, analyst, partner, operatorClient);
    }

    public GatewayClient Admin { get; }

    public GatewayClient Manager { get; }

    public GatewayClient Finance { get; }

    public GatewayClient Analyst { get; }

    public GatewayClient Partner { get; }

    /// <summary>The operator: creates brands and reads the services' operations endpoints.</summary>
    public GatewayClient Operator { get; }

    public static async Task<Brand> BootstrapAsync(HttpClient http, Uri gateway, string operatorKey)
    {
        var admin = await GatewayClient.ForNewBrandAsync(http, gateway, operatorKey, "Journey Foods");
        return new Brand(
            admin,
            await admin.WithMemberAsync("Mia Manager", "manager"),
            await admin.WithMemberAsync("Finn Finance", "finance"),
            await admin.WithMemberAsync("Ana Analyst", "analyst"),
            await admin.WithNewKeyAsync("webshop", "partner"),
            new GatewayClient(http, gateway, operatorKey));
    }

    public Task<JsonElement> ApplyAsync(string name, string handle, long followers, long likes, long comments) =>
        Manager.SendAsync(HttpMethod.Post, "/api/creators", new
        {
            displayName = name, email = $"{handle}@example.com", country = "US", niches = new[] { "vegan", "fitness" },
            socialAccounts = new[] { new { platform = "instagram", handle, followers, averageLikes = likes, averageComments = comments } },
        });

    /// <summary>Always-on, USD, 10% for ranks 1–2 and 15% from rank 3, one day's holding period, 10% off with the codes.</summary>
    public async Task<Guid> LaunchTieredCampaignAsync()
    {
        var campaign = await Manager.SendAsync(HttpMethod.Post, "/api/campaigns", new
        {
            name = "Spring box", objective = "sales", alwaysOn = true, currency = "USD", budget = 1_000,
            destinationUrl = "https://shop.example.com/spring?ref=e2e", allowedDomains = new[] { "example.com" },
            holdingPeriodDays = 1,
            commissionPlan = new { kind = "tiered", tiers = new object[] { new { fromRank = 1, percent = 10 }, new { fromRank = 3, percent = 15 } } },
            promoDiscount = new { percent = 10 },
        });
        var id = campaign.GetProperty("id").GetGuid();
        await Manager.SendAsync(HttpMethod.Post, $"/api/campaigns/{id}/launch");
        return id;
    }

    /// <summary>Invites (once campaigns has learned of the approval) and accepts on the creator's behalf.</summary>
    public async Task EnrollAsync(Guid campaignId, Guid creatorId)
    {
        var enrollment = await Manager.EventuallyAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments", new { creatorId }, "campaigns to learn of the approval");
        await Manager.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments/{enrollment.GetProperty("id").GetGuid()}/accept");
    }

    public async Task<IReadOnlyList<JsonElement>> ItemsOnceAsync(string path, int count)
    {
        var page = await Eventually.UntilAsync(_ => Manager.SendAsync(HttpMethod.Get, path), p => p.GetProperty("items").GetArrayLength() >= count, $"{count} items at {path}");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>
    /// Waits until tracking has written every click it answered: an order naming a click still in the
    /// click buffer would find no click (docs/services/tracking.md, "Not done").
    /// </summary>
    /// <summary>The redirects tracking has answered since it started, across brands: a baseline for <see cref="ClicksStoredAsync"/>.</summary>
    public async Task<long> ClicksAnsweredAsync() => (await Operator.SendAsync(HttpMethod.Get, "/ops/tracking/redirect-stats")).GetProperty("answered").GetInt64();

    public Task ClicksStoredAsync(long expected) =>
        Eventually.UntilAsync(
            _ => Operator.SendAsync(HttpMethod.Get, "/ops/tracking/redirect-stats"),
            s => s.GetProperty("answered").GetInt64() == expected && s.GetProperty("stored").GetInt64() == expected && s.GetProperty("pending").GetInt64() == 0,
            $"tracking to store {expected} clicks");

    public Task<JsonElement> OrderAsync(string orderId, decimal amount, DateTimeOffset orderedAt, Guid? clickId = null, string? promoCode = null) =>
        Partner.SendAsync(HttpMethod.Post, "/api/conversions", new { orderId, amount, currency = "USD", orderedAt, clickId, promoCode });

    public Task<JsonElement> RefundAsync(string orderId, string refundId, decimal amount) =>
        Partner.SendAsync(HttpMethod.Post, $"/api/conversions/{orderId}/refunds", new { refundId, amount, currency = "USD" });

    public Task<JsonElement> StatementAsync(Guid creatorId) =>
        Finance.SendAsync(HttpMethod.Get, $"/api/ledger/creators/{creatorId}/statement?currency=USD");

    /// <summary>Waits until the creator's statement shows these balances and entry count, then checks they stay so.</summary>
    public async Task StatementSettlesAsync(Guid creatorId, decimal pending, decimal available, int entries)
    {
        bool Expected(JsonElement s) =>
            s.GetProperty("closing").GetProperty("pending").GetDecimal() == pending
            && s.GetProperty("closing").GetProperty("available").GetDecimal() == available
            && s.GetProperty("entries").GetArrayLength() == entries;
        await Eventually.UntilAsync(_ => StatementAsync(creatorId), Expected, $"the ledger to show {pending} pending for {creatorId}");
        var settled = await Eventually.SettledAsync(async _ => (await StatementAsync(creatorId)).GetRawText(), $"the statement of {creatorId} to settle");
        Assert.True(Expected(JsonDocument.Parse(settled).RootElement), settled);
    }

    /// <summary>Waits until the analyst's view satisfies <paramref name="done"/> and then stops changing.</summary>
    public async Task<JsonElement> SettledAsync(string path, Func<JsonElement, bool> done)
    {
        await Eventually.UntilAsync(_ => Analyst.SendAsync(HttpMethod.Get, path), done, $"{path} to show the journey");
        var settled = await Eventually.SettledAsync(async _ => (await Analyst.SendAsync(HttpMethod.Get, path)).GetRawText(), $"{path} to settle");
        return JsonDocument.Parse(settled).RootElement;
    }
}
