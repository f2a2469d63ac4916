using System.Text.Json;
using AmbassadorNet.Persistence.Pagination;

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

        var codes = await IssuedCodesAsync(system, key, $"/api/promo-codes?campaignId={campaignId}", creators, "promo codes");
        return new BenchBrand(brandId, key, campaignId, codes);
    }

    /// <summary>The codes of the tracking links tracking issues with the promo codes, one per enrollment; returns once every one is issued.</summary>
    public async Task<IReadOnlyList<string>> LinkCodesAsync(BenchSystem system) =>
        await IssuedCodesAsync(system, Key, $"/api/links?campaignId={CampaignId}", PromoCodes.Count, "links");

    /// <summary>
    /// The codes of every item of a keyset-paged list (each page as large as lists allow, following
    /// nextCursor), read again until there are <paramref name="expected"/>: tracking issues them as the
    /// enrollment events arrive.
    /// </summary>
    private static Task<List<string>> IssuedCodesAsync(BenchSystem system, string key, string list, int expected, string what) =>
        RetryAsync(async () =>
        {
            var codes = new List<string>();
            string? cursor = null;
            do
            {
                var after = cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}";
                var page = await system.CallAsync(key, HttpMethod.Get, $"{list}&limit={KeysetPagination.MaxLimit}{after}");
                codes.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!));
                cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            }
            while (cursor is not null);

            return codes.Count == expected ? codes : throw new InvalidOperationException($"{codes.Count} of {expected} {what} issued");
        }, TimeSpan.FromMinutes(2));

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
