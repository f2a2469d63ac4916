using System.Text.Json;
using AmbassadorNet.TestKit.Waiting;

namespace Campaigns.Tests;

public sealed class EventTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    [Fact]
    public async Task Every_change_publishes_exactly_one_event_and_refusals_publish_none()
    {
        var brand = Guid.CreateVersion7();
        var creator = Guid.CreateVersion7();
        await service.PublishAsync(CampaignBodies.Approved(brand, creator));
        await service.ReplicaAtAsync(brand, creator, 2);
        var id = await service.LaunchedAsync(brand);
        await service.ReadAsync(HttpMethod.Patch, $"/api/campaigns/{id}", brand, new { commissionPlan = CampaignBodies.PercentPlan(11m) });
        await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{id}/pause", brand);
        await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{id}/pause", brand); // refused: no event
        await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{id}/resume", brand);
        var enrollment = (await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{id}/enrollments", brand, new { creatorId = creator })).GetProperty("id").GetGuid();
        await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{id}/enrollments/{enrollment}/accept", brand);
        await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{id}/enrollments/{enrollment}/remove", brand);
        await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{id}/end", brand);

        await Eventually.SettledAsync(async _ => (await service.EventsAsync(brand)).Count(e => e.DispatchedAt is not null), "dispatched events", service.Idle);
        var events = await service.EventsAsync(brand);
        var types = events.Select(e => e.MessageType.Split(',')[0].Split('.')[^1]).ToList();
        var versions = events.Select(e => JsonDocument.Parse(e.Body).RootElement.GetProperty("version").GetInt64()).ToList();
        var campaignVersions = versions.Where((_, i) => types[i].StartsWith("Campaign", StringComparison.Ordinal));
        var enrollmentVersions = versions.Where((_, i) => !types[i].StartsWith("Campaign", StringComparison.Ordinal));

        Assert.Equal(
            ["CampaignLaunched", "CampaignTermsChanged", "CampaignPaused", "CampaignResumed", "CreatorInvited", "CreatorEnrolled", "EnrollmentEnded", "CampaignEnded"],
            types);
        Assert.Equal([2L, 3, 4, 5, 6], campaignVersions);
        Assert.Equal([1L, 2, 3], enrollmentVersions);
        Assert.All(events, e => Assert.Equal(brand, JsonDocument.Parse(e.Body).RootElement.GetProperty("brandId").GetGuid()));
    }

    [Fact]
    public async Task CampaignLaunched_carries_the_full_terms_for_tracking_and_payouts()
    {
        var brand = Guid.CreateVersion7();
        var plan = new { kind = "tiered", tiers = new object[] { new { fromRank = 1, percent = 10m }, new { fromRank = 11, amount = 5m } } };
        await service.LaunchedAsync(brand, CampaignBodies.Complete(plan: plan));

        var launched = JsonDocument.Parse((await service.EventsAsync(brand)).Single().Body).RootElement;
        var terms = launched.GetProperty("campaign").GetProperty("terms");

        Assert.Equal("active", launched.GetProperty("campaign").GetProperty("status").GetString());
        Assert.Equal(("USD", 30, 30), (terms.GetProperty("currency").GetString(), terms.GetProperty("attributionWindowDays").GetInt32(), terms.GetProperty("holdingPeriodDays").GetInt32()));
        Assert.Equal("https://shop.example.com/vegan-box", terms.GetProperty("destinationUrl").GetString());
        Assert.Equal("example.com", terms.GetProperty("allowedDomains")[0].GetString());
        Assert.Equal(15m, terms.GetProperty("promoDiscount").GetProperty("percent").GetDecimal());
        Assert.Equal(50m, terms.GetProperty("deliverableFee").GetDecimal());
        Assert.Equal("tiered", terms.GetProperty("commissionPlan").GetProperty("kind").GetString());
        Assert.Equal((11, 5m), (terms.GetProperty("commissionPlan").GetProperty("tiers")[1].GetProperty("fromRank").GetInt32(),
            terms.GetProperty("commissionPlan").GetProperty("tiers")[1].GetProperty("amount").GetDecimal()));
        Assert.Equal(1, terms.GetProperty("termsVersion").GetInt32());
    }
}
