using AmbassadorNet.Contracts.Creators;

namespace Campaigns.Tests;

/// <summary>Request bodies and creator events for tests.</summary>
public static class CampaignBodies
{
    public static object PercentPlan(decimal percent = 10m) => new { kind = "percent", percent };

    /// <summary>A campaign that can launch: every required field set.</summary>
    public static object Complete(string name = "Spring vegan box", object? plan = null, decimal? deliverableFee = 50m, object[]? quotas = null) => new
    {
        name,
        objective = "sales",
        currency = "USD",
        budget = 10_000m,
        targeting = new { niches = new[] { "vegan" }, tiers = new[] { "micro" }, countries = new[] { "US" } },
        brief = new { keyMessages = new[] { "Plant based and tasty" }, mustAvoid = new[] { "competitors" }, requiredDisclosure = "#ad" },
        destinationUrl = "https://shop.example.com/vegan-box",
        allowedDomains = new[] { "example.com" },
        commissionPlan = plan ?? PercentPlan(),
        promoDiscount = new { percent = 15m },
        deliverableFee,
        quotas = quotas ?? [],
    };

    public static CreatorState Creator(Guid id, string status, string tier = "micro", string niche = "vegan", string country = "US", decimal? engagement = 0.05m) => new(
        id, $"Creator {id.ToString()[..8]}", country, [niche], status, tier, 20_000, engagement,
        [new SocialAccountState("instagram", $"handle_{id.ToString()[..8]}", null, 20_000, engagement, DateTimeOffset.UtcNow)]);

    public static CreatorApproved Approved(Guid brand, Guid creator, long version = 2, string tier = "micro", string niche = "vegan", decimal? engagement = 0.05m) =>
        new(brand, DateTimeOffset.UtcNow, creator, version, Creator(creator, "approved", tier, niche, engagement: engagement));

    public static CreatorSuspended Suspended(Guid brand, Guid creator, long version) =>
        new(brand, DateTimeOffset.UtcNow, creator, version, Creator(creator, "suspended"), "late posts");
}
