using System.Text.Json;

namespace AmbassadorNet.Benchmarks;

/// <summary>A brand of a benchmark's own, seeded through the gateway as a brand would: one campaign, and creators enrolled in it, each with its promo code.</summary>
public sealed record BenchBrand(Guid Id, string Key, Guid CampaignId, IReadOnlyList<string> PromoCodes)
{
    /// <summary>A brand with nothing in it yet (T6 seeds analytics' rollups for it directly).</summary>
    public static async Task<(Guid Id, string Key)> CreateAsync(BenchSystem system, string name)
    {
        var brand = await system.CallAsync(system.OperatorKey, HttpMethod.Post, "/api/brands", new { name });
        return (brand.GetProperty("brand").GetProperty("id").GetGuid(), brand.GetProperty("apiKey").GetProperty("key").GetString()!);
    }

    /// <summary>
    /// One campaign (10% commission, USD) with <paramref name="creators"/> approved creators enrolled;
    /// returns once tracking has issued every enrollment's promo code.
    /// </summary>
    public static async Task<BenchBrand> SeedAsync(BenchSystem system, string name, int creators)
    {
        var (brandId, key) = await CreateAsync(system, name);
        var campaign = await system.CallAsync(key, HttpMethod.Post, "/api/campaigns", new
        {
            name = $"{name} campaign", objective = "sales", currency = "USD", budget = 100_000_000, destinationUrl = "https://shop.example.com/landing",
            allowedDomains = new[] { "example.com" }, commissionPlan = new { kind = "percent", percent = 10 },
        });
        var campaignId = campaign.GetProperty("id").GetGuid();
        await system.CallAsync(key, HttpMethod.Post, $"/api/campaigns/{campaignId}/launch");

        // Eight at a time: each creator is four calls, one of which waits for an event to reach campaigns.
        // Handles differ within 12 characters: promo codes derive from the first 12, and tracking
        // issues the codes of one stem one at a time, so a shared stem would serialize the enrollments.
        await Parallel.ForEachAsync(Enumerable.Range(1, creators), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
        {
            var creator = await system.CallAsync(key, HttpMethod.Post, "/api/creators", new
            {
                displayName = $"Bench Creator {n}", email = $"creator{n}@example.com", country = "US", niches = new[] { "tech" },
                socialAccounts = new[] { new { platform = "instagram", handle = $"bench{n}", followers = 10_000 + n, averageLikes = 300, averageComments = 20 } },
            });
            var creatorId = creator.GetProperty("id").GetGuid();
            await system.CallAsync(key, HttpMethod.Post, $"/api/creators/{creatorId}/approve");
            var enrollment = await RetryAsync(() => system.CallAsync(key, HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments", new { creatorId }));
            await system.CallAsync(key, HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments/{enrollment.GetProperty("id").GetGuid()}/accept");
        });

        var codes = await RetryAsync(async () =>
        {
            var page = await system.CallAsync(key, HttpMethod.Get, $"/api/promo-codes?campaignId={campaignId}&limit=200");
            var items = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
            return items.Count == creators ? items : throw new InvalidOperationException($"{items.Count} of {creators} promo codes issued");
        }, TimeSpan.FromMinutes(2));
        return new BenchBrand(brandId, key, campaignId, codes);
    }

    /// <summary>Events travel between services: retry until they have arrived.</summary>
    private static async Task<T> RetryAsync<T>(Func<Task<T>> attempt, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or JsonException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }
}
