using System.Net;

namespace Campaigns.Tests;

public sealed class EnrollmentTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    [Fact]
    public async Task An_invitation_before_the_approval_arrives_is_a_409_and_succeeds_once_it_has()
    {
        var brand = Guid.CreateVersion7();
        var campaign = await service.LaunchedAsync(brand);
        var creator = Guid.CreateVersion7();

        var early = await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments", brand, new { creatorId = creator });
        await service.PublishAsync(CampaignBodies.Approved(brand, creator));
        await service.ReplicaAtAsync(brand, creator, 2);
        var late = await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments", brand, new { creatorId = creator });

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("not approved", await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
    }

    [Fact]
    public async Task Duplicated_and_reordered_creator_events_leave_the_newest_state()
    {
        var brand = Guid.CreateVersion7();
        var campaign = await service.LaunchedAsync(brand);
        var creator = Guid.CreateVersion7();
        var suspendedId = Guid.NewGuid();

        await service.PublishAsync(CampaignBodies.Suspended(brand, creator, version: 3), suspendedId); // the suspension overtakes the approval
        await service.ReplicaAtAsync(brand, creator, 3);
        await service.PublishAsync(CampaignBodies.Approved(brand, creator, version: 2));
        await service.PublishAsync(CampaignBodies.Suspended(brand, creator, version: 3), suspendedId); // a duplicate delivery
        var replica = await AmbassadorNet.TestKit.Waiting.Eventually.SettledAsync(
            _ => service.ReplicaAsync(brand, creator).ContinueWith(t => (t.Result!.Status, t.Result.Version)), "the replica", service.Idle);
        var invite = await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments", brand, new { creatorId = creator });

        Assert.Equal(("suspended", 3L), replica);
        Assert.Equal(HttpStatusCode.Conflict, invite.StatusCode);
    }

    [Theory]
    [InlineData("suspended")]
    [InlineData("offboarded")]
    [InlineData("erased")]
    public async Task A_creator_who_leaves_approval_loses_active_and_invited_enrollments(string fate)
    {
        var brand = Guid.CreateVersion7();
        var (first, second) = (await service.LaunchedAsync(brand), await service.LaunchedAsync(brand));
        var creator = Guid.CreateVersion7();
        await service.PublishAsync(CampaignBodies.Approved(brand, creator));
        await service.ReplicaAtAsync(brand, creator, 2);
        var active = await Invite(brand, first, creator);
        await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{first}/enrollments/{active}/accept", brand);
        var invited = await Invite(brand, second, creator);

        await service.PublishAsync(fate switch
        {
            "suspended" => (object)CampaignBodies.Suspended(brand, creator, 3),
            "offboarded" => new AmbassadorNet.Contracts.Creators.CreatorOffboarded(brand, DateTimeOffset.UtcNow, creator, 3, CampaignBodies.Creator(creator, "offboarded")),
            _ => new AmbassadorNet.Contracts.Creators.CreatorErased(brand, DateTimeOffset.UtcNow, creator, 3),
        });
        await service.ReplicaAtAsync(brand, creator, 3);
        var firstNow = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{first}/enrollments/{active}", brand);
        var secondNow = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{second}/enrollments/{invited}", brand);
        var ended = (await service.EventsAsync(brand)).Count(e => e.MessageType.Contains("EnrollmentEnded", StringComparison.Ordinal));

        Assert.Equal(("ended", $"creator_{fate}"), (firstNow.GetProperty("status").GetString(), firstNow.GetProperty("endReason").GetString()));
        Assert.Equal(("ended", $"creator_{fate}"), (secondNow.GetProperty("status").GetString(), secondNow.GetProperty("endReason").GetString()));
        Assert.Equal(2, ended);
    }

    [Fact]
    public async Task Invitations_are_accepted_declined_or_removed_and_illegal_moves_are_409s()
    {
        var brand = Guid.CreateVersion7();
        var campaign = await service.LaunchedAsync(brand);
        var (a, b) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(CampaignBodies.Approved(brand, a));
        await service.PublishAsync(CampaignBodies.Approved(brand, b));
        await service.ReplicaAtAsync(brand, a, 2);
        await service.ReplicaAtAsync(brand, b, 2);
        var (ea, eb) = (await Invite(brand, campaign, a), await Invite(brand, campaign, b));

        var twice = await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments", brand, new { creatorId = a });
        var removeInvited = await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments/{ea}/remove", brand);
        var accepted = await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments/{ea}/accept", brand);
        var removed = await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments/{ea}/remove", brand);
        var declined = await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments/{eb}/decline", brand);
        var acceptDeclined = await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments/{eb}/accept", brand);

        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, removeInvited.StatusCode);
        Assert.Equal("active", accepted.GetProperty("status").GetString());
        Assert.Equal(("removed", 3L), (removed.GetProperty("status").GetString(), removed.GetProperty("version").GetInt64()));
        Assert.Equal("declined", declined.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, acceptDeclined.StatusCode);
    }

    [Fact]
    public async Task A_commission_override_replaces_the_plan_forward_and_is_published()
    {
        var brand = Guid.CreateVersion7();
        var campaign = await service.LaunchedAsync(brand);
        var creator = Guid.CreateVersion7();
        await service.PublishAsync(CampaignBodies.Approved(brand, creator));
        await service.ReplicaAtAsync(brand, creator, 2);
        var enrollment = await Invite(brand, campaign, creator);
        var plan = new { kind = "tiered", tiers = new object[] { new { fromRank = 1, percent = 12m }, new { fromRank = 21, percent = 18m } } };

        var set = await service.ReadAsync(HttpMethod.Put, $"/api/campaigns/{campaign}/enrollments/{enrollment}/commission-override", brand, new { commissionPlan = plan });
        var invalid = await service.SendAsync(HttpMethod.Put, $"/api/campaigns/{campaign}/enrollments/{enrollment}/commission-override", brand,
            new { commissionPlan = new { kind = "percent", percent = 101m } });
        var events = await service.EventsAsync(brand);

        Assert.Equal("tiered", set.GetProperty("commissionOverride").GetProperty("kind").GetString());
        Assert.Equal(21, set.GetProperty("commissionOverride").GetProperty("tiers")[1].GetProperty("fromRank").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var changed = System.Text.Json.JsonDocument.Parse(Assert.Single(events, e => e.MessageType.Contains("EnrollmentTermsChanged", StringComparison.Ordinal)).Body).RootElement;
        Assert.Equal(18m, changed.GetProperty("enrollment").GetProperty("commissionOverride").GetProperty("tiers")[1].GetProperty("percent").GetDecimal());
    }

    private async Task<Guid> Invite(Guid brand, Guid campaign, Guid creator) =>
        (await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments", brand, new { creatorId = creator })).GetProperty("id").GetGuid();
}
