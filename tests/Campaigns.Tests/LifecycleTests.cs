using System.Net;

namespace Campaigns.Tests;

public sealed class LifecycleTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    [Fact]
    public async Task A_campaign_moves_draft_active_paused_active_ended_one_version_at_a_time()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.DraftAsync(brand);

        var launched = await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{id}/launch", brand);
        var paused = await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{id}/pause", brand);
        var resumed = await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{id}/resume", brand);
        var ended = await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{id}/end", brand);

        Assert.Equal(("active", 2), (launched.GetProperty("status").GetString(), launched.GetProperty("version").GetInt64()));
        Assert.Equal(1, launched.GetProperty("termsVersion").GetInt32());
        Assert.Equal(("paused", 3), (paused.GetProperty("status").GetString(), paused.GetProperty("version").GetInt64()));
        Assert.Equal(("active", 4), (resumed.GetProperty("status").GetString(), resumed.GetProperty("version").GetInt64()));
        Assert.Equal(("ended", 5), (ended.GetProperty("status").GetString(), ended.GetProperty("version").GetInt64()));
    }

    [Theory]
    [InlineData(new string[0], "pause")]               // a draft is not running
    [InlineData(new string[0], "resume")]
    [InlineData(new string[0], "end")]                 // a draft is deleted, not ended
    [InlineData(new[] { "launch" }, "launch")]         // launched once
    [InlineData(new[] { "launch" }, "resume")]         // only a paused campaign resumes
    [InlineData(new[] { "launch", "end" }, "resume")]
    [InlineData(new[] { "launch", "end" }, "pause")]
    [InlineData(new[] { "launch", "end" }, "end")]
    public async Task An_illegal_transition_is_a_409_and_changes_nothing(string[] before, string illegal)
    {
        var brand = Guid.CreateVersion7();
        var id = await service.DraftAsync(brand);
        foreach (var step in before)
        {
            await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{id}/{step}", brand);
        }

        var expected = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{id}", brand);
        var response = await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{id}/{illegal}", brand);
        var actual = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{id}", brand);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected.GetProperty("version").GetInt64(), actual.GetProperty("version").GetInt64());
        Assert.Equal(expected.GetProperty("status").GetString(), actual.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_incomplete_draft_cannot_launch_and_the_409_lists_what_is_missing()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.DraftAsync(brand, new { name = "Only a name so far" });

        var response = await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{id}/launch", brand);
        var campaign = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{id}", brand);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["allowedDomains", "commissionPlan", "currency", "destinationUrl", "objective"], await response.ErrorFieldsAsync());
        Assert.Equal("draft", campaign.GetProperty("status").GetString());
        Assert.Empty(await service.EventsAsync(brand));
    }

    [Fact]
    public async Task Another_brand_cannot_see_or_change_a_campaign()
    {
        var (owner, other) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var id = await service.DraftAsync(owner);

        var read = await service.SendAsync(HttpMethod.Get, $"/api/campaigns/{id}", other);
        var launch = await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{id}/launch", other);
        var patch = await service.SendAsync(HttpMethod.Patch, $"/api/campaigns/{id}", other, new { name = "Hijacked" });
        var list = await service.ReadAsync(HttpMethod.Get, "/api/campaigns", other);
        var mine = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{id}", owner);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, launch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        Assert.Equal(("draft", "Spring vegan box"), (mine.GetProperty("status").GetString(), mine.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Reading_needs_a_catalog_role_and_writing_needs_admin_or_manager()
    {
        var brand = Guid.CreateVersion7();

        var asAnalyst = await service.SendAsync(HttpMethod.Post, "/api/campaigns", brand, CampaignBodies.Complete(), "analyst");
        var asManager = await service.SendAsync(HttpMethod.Post, "/api/campaigns", brand, CampaignBodies.Complete(), "manager");
        var readAsAnalyst = await service.SendAsync(HttpMethod.Get, "/api/campaigns", brand, null, "analyst");
        var readAsPartner = await service.SendAsync(HttpMethod.Get, "/api/campaigns", brand, null, "partner");

        Assert.Equal(HttpStatusCode.Forbidden, asAnalyst.StatusCode);
        Assert.Equal(HttpStatusCode.Created, asManager.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readAsAnalyst.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readAsPartner.StatusCode);
    }
}
