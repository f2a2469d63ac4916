using System.Text.Json;
using AmbassadorNet.SystemTestKit;
using AmbassadorNet.TestKit.Waiting;

namespace Reliability.Tests.Money;

/// <summary>A commission plan as campaigns takes it, and what the reference model needs of it.</summary>
public sealed record Plan(string Kind, decimal? Percent = null, decimal? FlatAmount = null, IReadOnlyList<Tier>? Tiers = null)
{
    public object Body => new
    {
        kind = Kind, percent = Percent, flatAmount = FlatAmount,
        tiers = Tiers?.Select(t => new { fromRank = t.FromRank, percent = t.Percent, amount = t.Amount }).ToArray(),
    };
}

public sealed record Tier(int FromRank, decimal? Percent, decimal? Amount);

public sealed record CampaignSpec(string Name, Plan Plan, int HoldingPeriodDays, int AttributionWindowDays = 30);

/// <summary>One creator in one campaign, with the promo code and link tracking issued for the enrollment.</summary>
public sealed record Enrollment(Guid Id, Guid CampaignId, Guid CreatorId, CampaignSpec Campaign, string PromoCode, string LinkCode);

/// <summary>
/// A brand set up through the gateway as its tools would: creators approved, campaigns launched,
/// every creator enrolled in every campaign, and a partner key per shop worker.
/// </summary>
public sealed class Shop
{
    private Shop(GatewayClient admin, IReadOnlyList<Enrollment> enrollments, IReadOnlyList<GatewayClient> partners)
    {
        Admin = admin;
        Enrollments = enrollments;
        Partners = partners;
    }

    public GatewayClient Admin { get; }

    public IReadOnlyList<Enrollment> Enrollments { get; }

    /// <summary>Partner keys: each is rate limited on its own, so workers do not wait for each other.</summary>
    public IReadOnlyList<GatewayClient> Partners { get; }

    public IEnumerable<Guid> CreatorIds => Enrollments.Select(e => e.CreatorId).Distinct();

    public IEnumerable<Guid> CampaignIds => Enrollments.Select(e => e.CampaignId).Distinct();

    public static async Task<Shop> OpenAsync(GatewayClient admin, string handlePrefix, int creators, IReadOnlyList<CampaignSpec> campaigns, int partnerKeys)
    {
        var creatorIds = new List<Guid>();
        for (var i = 0; i < creators; i++)
        {
            var handle = $"{handlePrefix}{i}";
            var creator = await admin.SendAsync(HttpMethod.Post, "/api/creators", new
            {
                displayName = $"Creator {handle}", email = $"{handle}@example.com", country = "US", niches = new[] { "fitness" },
                socialAccounts = new[] { new { platform = "instagram", handle, followers = 25_000, averageLikes = 900, averageComments = 60 } },
            });
            var id = creator.GetProperty("id").GetGuid();
            await admin.SendAsync(HttpMethod.Post, $"/api/creators/{id}/approve");
            creatorIds.Add(id);
        }

        var enrollments = new List<Enrollment>();
        foreach (var spec in campaigns)
        {
            var campaign = await admin.SendAsync(HttpMethod.Post, "/api/campaigns", new
            {
                name = spec.Name, objective = "sales", currency = "USD", budget = 1_000_000, destinationUrl = "https://shop.example.com/",
                allowedDomains = new[] { "example.com" }, commissionPlan = spec.Plan.Body,
                holdingPeriodDays = spec.HoldingPeriodDays, attributionWindowDays = spec.AttributionWindowDays,
            });
            var campaignId = campaign.GetProperty("id").GetGuid();
            await admin.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/launch");
            foreach (var creatorId in creatorIds)
            {
                var enrollment = await admin.EventuallyAsync(
                    HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments", new { creatorId }, "campaigns to learn of the approval");
                var enrollmentId = enrollment.GetProperty("id").GetGuid();
                await admin.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments/{enrollmentId}/accept");
                var promo = await OnlyItemAsync(admin, $"/api/promo-codes?enrollmentId={enrollmentId}", "tracking to issue the promo code");
                var link = await OnlyItemAsync(admin, $"/api/links?enrollmentId={enrollmentId}", "tracking to issue the link");
                enrollments.Add(new Enrollment(
                    enrollmentId, campaignId, creatorId, spec, promo.GetProperty("code").GetString()!, link.GetProperty("code").GetString()!));
            }
        }

        var partners = new List<GatewayClient>();
        for (var i = 0; i < partnerKeys; i++)
        {
            partners.Add(await admin.WithNewKeyAsync($"shop {i}", "partner"));
        }

        return new Shop(admin, enrollments, partners);
    }

    private static async Task<JsonElement> OnlyItemAsync(GatewayClient admin, string path, string what)
    {
        var list = await Eventually.UntilAsync(_ => admin.SendAsync(HttpMethod.Get, path), l => l.GetProperty("items").GetArrayLength() == 1, what);
        return list.GetProperty("items")[0];
    }
}
