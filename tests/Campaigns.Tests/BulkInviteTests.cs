using System.Diagnostics;
using AmbassadorNet.TestKit.Waiting;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Tests;

public sealed class BulkInviteTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    [Fact]
    public async Task A_bulk_invite_reaches_500_approved_creators_in_one_request_with_one_event_each()
    {
        var brand = Guid.CreateVersion7();
        var campaign = await service.LaunchedAsync(brand);
        var seeding = Stopwatch.StartNew();
        var creators = Enumerable.Range(0, 500).Select(_ => Guid.CreateVersion7()).ToList();
        await Task.WhenAll(creators.Select(c => service.PublishAsync(CampaignBodies.Approved(brand, c, tier: "micro", niche: "vegan"))));
        var others = Enumerable.Range(0, 20).Select(_ => Guid.CreateVersion7()).ToList(); // outside the filter: macro, or another niche
        await Task.WhenAll(others.Select((c, i) => service.PublishAsync(CampaignBodies.Approved(brand, c, tier: i % 2 == 0 ? "macro" : "micro", niche: i % 2 == 0 ? "vegan" : "travel"))));
        await Eventually.SettledAsync(_ => service.QueryAsync(brand, db => db.Creators.CountAsync()), "the replica of 520 creators", service.Idle, TimeSpan.FromSeconds(60));
        seeding.Stop();

        var inviting = Stopwatch.StartNew();
        var result = await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments/bulk", brand, new { niche = "vegan", tier = "micro", country = "US", minEngagement = 0.01m });
        inviting.Stop();
        var again = await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments/bulk", brand, new { niche = "vegan", tier = "micro" });
        var invitedEvents = await Eventually.SettledAsync(
            _ => service.QueryAsync(brand, db => db.Set<AmbassadorNet.Messaging.Outbox.OutboxMessage>().CountAsync(m => m.BrandId == brand && m.MessageType.Contains("CreatorInvited"))),
            "CreatorInvited events", service.Idle);
        var enrolled = await service.QueryAsync(brand, db => db.Enrollments.Where(e => e.CampaignId == campaign).Select(e => e.CreatorId).ToListAsync());
        TestContext.Current.TestOutputHelper?.WriteLine($"seeded 520 creators through the broker in {seeding.ElapsedMilliseconds} ms; invited 500 in {inviting.ElapsedMilliseconds} ms");

        Assert.Equal((500, 500, 0), (result.GetProperty("matched").GetInt32(), result.GetProperty("invited").GetInt32(), result.GetProperty("alreadyEnrolled").GetInt32()));
        Assert.Equal((500, 0, 500), (again.GetProperty("matched").GetInt32(), again.GetProperty("invited").GetInt32(), again.GetProperty("alreadyEnrolled").GetInt32()));
        Assert.Equal(500, invitedEvents);
        Assert.Equal(creators.Order(), enrolled.Order());
        Assert.True(inviting.Elapsed < TimeSpan.FromSeconds(10), $"inviting 500 took {inviting.Elapsed}");
    }
}
