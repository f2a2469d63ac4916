using System.Text.Json;
using AmbassadorNet.TestKit.Waiting;

namespace AmbassadorNet.SystemTestKit;

/// <summary>
/// A new brand's thin slice across every process: creators publishes the approval, campaigns learns it
/// from the broker and enrolls, tracking issues the link and promo code from the enrollment.
/// </summary>
public sealed record FirstEnrollment(GatewayClient Admin, string LinkCode, string PromoCode)
{
    public static async Task<FirstEnrollment> CreateAsync(HttpClient http, TestSystem system, string brand, string handle) =>
        await CreateAsync(await GatewayClient.ForNewBrandAsync(http, system.Gateway, system.OperatorKey, brand), handle);

    /// <summary>The slice for a brand that exists, with <paramref name="admin"/>'s key; the brand must have no link yet.</summary>
    public static async Task<FirstEnrollment> CreateAsync(GatewayClient admin, string handle)
    {
        var creator = await admin.SendAsync(HttpMethod.Post, "/api/creators", new
        {
            displayName = "Jane Doe", email = $"{handle}@example.com", country = "US", niches = new[] { "vegan" },
            socialAccounts = new[] { new { platform = "instagram", handle, followers = 25_000, averageLikes = 900, averageComments = 60 } },
        });
        var creatorId = creator.GetProperty("id").GetGuid();
        await admin.SendAsync(HttpMethod.Post, $"/api/creators/{creatorId}/approve");
        var campaign = await admin.SendAsync(HttpMethod.Post, "/api/campaigns", new
        {
            name = "Spring box", objective = "sales", currency = "USD", budget = 10_000, destinationUrl = "https://shop.example.com/box?ref=spring",
            allowedDomains = new[] { "example.com" }, commissionPlan = new { kind = "percent", percent = 10 }, promoDiscount = new { percent = 15 },
        });
        var campaignId = campaign.GetProperty("id").GetGuid();
        await admin.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/launch");
        var enrollment = await admin.EventuallyAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments", new { creatorId }, "campaigns to learn of the approval");
        await admin.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments/{enrollment.GetProperty("id").GetGuid()}/accept");

        var links = await OneItemAsync(admin, "/api/links", "tracking to issue the link");
        var promo = await OneItemAsync(admin, "/api/promo-codes", "tracking to issue the promo code");
        return new FirstEnrollment(admin, links.GetProperty("code").GetString()!, promo.GetProperty("code").GetString()!);
    }

    private static async Task<JsonElement> OneItemAsync(GatewayClient admin, string path, string what) =>
        (await Eventually.UntilAsync(_ => admin.SendAsync(HttpMethod.Get, path), list => list.GetProperty("items").GetArrayLength() == 1, what))
            .GetProperty("items")[0];
}
