using AmbassadorNet.Creators.Domain;

namespace Creators.Tests;

public sealed class TierAndEngagementTests(CreatorsService service) : IClassFixture<CreatorsService>
{
    [Theory]
    [InlineData(0, "emerging")]
    [InlineData(999, "emerging")]
    [InlineData(1_000, "nano")]
    [InlineData(9_999, "nano")]
    [InlineData(10_000, "micro")]
    [InlineData(99_999, "micro")]
    [InlineData(100_000, "macro")]
    [InlineData(999_999, "macro")]
    [InlineData(1_000_000, "mega")]
    public async Task The_tier_follows_the_boundaries(long followers, string tier)
    {
        var brand = Guid.CreateVersion7();
        var id = await service.ApplyAsync(brand, new { displayName = "Tiered", email = "tiered@example.com", country = "DE" });

        var creator = await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/social-stats", brand, Applicants.Stats("tiktok", "tiered", followers));

        Assert.Equal(tier, creator.GetProperty("tier").GetString());
        Assert.Equal(tier, SnakeName(Tiers.For(followers)));
    }

    [Fact]
    public async Task Engagement_is_per_account_and_weighted_by_followers_overall()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.ApplyAsync(brand, new { displayName = "Engaged", email = "engaged@example.com", country = "FR" });
        await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/social-stats", brand, Applicants.Stats("instagram", "big", 10_000, likes: 300, comments: 50));

        var creator = await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/social-stats", brand, Applicants.Stats("youtube", "small", 1_000, likes: 100, comments: 20));
        var accounts = creator.GetProperty("socialAccounts").EnumerateArray().ToDictionary(a => a.GetProperty("platform").GetString()!, a => a.GetProperty("engagementRate").GetDecimal());

        Assert.Equal(0.035m, accounts["instagram"]);
        Assert.Equal(0.12m, accounts["youtube"]);
        Assert.Equal(0.042727m, creator.GetProperty("engagementRate").GetDecimal()); // (350 + 120) / 11,000
        Assert.Equal(10_000, creator.GetProperty("followers").GetInt64()); // the largest following, not the sum
    }

    [Fact]
    public void Engagement_needs_followers()
    {
        Assert.Null(Engagement.Rate(0, 10, 5));
        Assert.Equal(0.333333m, Engagement.Rate(3, 1, 0));
        Assert.Equal(0.666667m, Engagement.Rate(3, 2, 0)); // rounded half away from zero at six places
    }

    [Fact]
    public async Task Every_snapshot_re_derives_the_tier_and_a_move_is_kept_and_published()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.ApplyAsync(brand, Applicants.Creator(10, followers: 9_000));
        await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/social-stats", brand, Applicants.Stats("instagram", "creator_10", 12_000, 100, 10));
        await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/social-stats", brand, Applicants.Stats("instagram", "creator_10", 12_500, 100, 10));

        var shrunk = await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/social-stats", brand, Applicants.Stats("instagram", "creator_10", 9_500, 100, 10));
        var history = await service.ReadAsync(HttpMethod.Get, $"/api/creators/{id}/tier-history", brand);
        var stats = (await service.EventsAsync(brand)).Where(e => e.MessageType.Contains("CreatorStatsRecorded")).ToList();

        Assert.Equal("nano", shrunk.GetProperty("tier").GetString());
        Assert.Equal(["emerging>nano", "nano>micro", "micro>nano"],
            history.EnumerateArray().Select(h => $"{h.GetProperty("fromTier").GetString()}>{h.GetProperty("toTier").GetString()}"));
        Assert.Equal(3, stats.Count);
        Assert.Equal([true, false, true], stats.Select(e => System.Text.Json.JsonDocument.Parse(e.Body).RootElement.GetProperty("tierChanged").GetBoolean()));
    }

    [Fact]
    public async Task An_older_snapshot_joins_the_history_without_replacing_newer_figures()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.ApplyAsync(brand, new { displayName = "Backfill", email = "backfill@example.com", country = "GB" });
        var now = DateTimeOffset.UtcNow;
        await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/social-stats", brand, Applicants.Stats("x", "backfill", 50_000, measuredAt: now.AddMinutes(-1)));

        var creator = await service.ReadAsync(HttpMethod.Post, $"/api/creators/{id}/social-stats", brand, Applicants.Stats("x", "backfill", 2_000, measuredAt: now.AddDays(-30)));

        Assert.Equal(50_000, creator.GetProperty("followers").GetInt64());
        Assert.Equal("micro", creator.GetProperty("tier").GetString());
    }

    private static string SnakeName(Tier tier) => AmbassadorNet.SharedKernel.SnakeCaseEnums.Name(tier);
}
