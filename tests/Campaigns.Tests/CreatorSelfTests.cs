using System.Net;

namespace Campaigns.Tests;

/// <summary>
/// A creator credential on the campaigns service: the creator's own invitations, deliverables and posts,
/// and another creator's ids answered as if they did not exist, with nothing changed.
/// </summary>
public sealed class CreatorSelfTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    [Fact]
    public async Task A_creator_lists_only_their_own_invitations_with_the_brief_and_terms_but_not_the_budget()
    {
        var (brand, campaign, ana, ben) = await TwoInvitedCreatorsAsync();

        var page = await service.ReadAsCreatorAsync(HttpMethod.Get, "/api/me/enrollments", brand, ana.Creator);

        var only = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(ana.Enrollment, only.GetProperty("id").GetGuid());
        Assert.Equal("invited", only.GetProperty("status").GetString());
        Assert.Equal(campaign, only.GetProperty("campaign").GetProperty("id").GetGuid());
        Assert.Equal("Spring vegan box", only.GetProperty("campaign").GetProperty("name").GetString());
        Assert.True(only.GetProperty("campaign").TryGetProperty("terms", out _));
        Assert.False(only.GetProperty("campaign").TryGetProperty("budget", out _));
        Assert.DoesNotContain(ben.Enrollment.ToString(), page.GetRawText());
    }

    [Fact]
    public async Task A_creator_accepts_their_own_invitation_and_another_creators_is_not_found_and_unchanged()
    {
        var (brand, campaign, ana, ben) = await TwoInvitedCreatorsAsync();

        var theirs = await service.SendAsCreatorAsync(HttpMethod.Post, $"/api/me/enrollments/{ben.Enrollment}/accept", brand, ana.Creator);
        var declineTheirs = await service.SendAsCreatorAsync(HttpMethod.Post, $"/api/me/enrollments/{ben.Enrollment}/decline", brand, ana.Creator);
        var readTheirs = await service.SendAsCreatorAsync(HttpMethod.Get, $"/api/me/enrollments/{ben.Enrollment}", brand, ana.Creator);
        var own = await service.ReadAsCreatorAsync(HttpMethod.Post, $"/api/me/enrollments/{ana.Enrollment}/accept", brand, ana.Creator);
        var bens = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{campaign}/enrollments/{ben.Enrollment}", brand);

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, declineTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readTheirs.StatusCode);
        Assert.Equal("active", own.GetProperty("status").GetString());
        Assert.Equal("invited", bens.GetProperty("status").GetString());
        Assert.Equal(1, bens.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_creator_records_and_reads_posts_of_their_own_enrollments_only()
    {
        var (brand, _, ana, ben) = await TwoInvitedCreatorsAsync();
        await service.ReadAsCreatorAsync(HttpMethod.Post, $"/api/me/enrollments/{ana.Enrollment}/accept", brand, ana.Creator);
        await service.ReadAsCreatorAsync(HttpMethod.Post, $"/api/me/enrollments/{ben.Enrollment}/accept", brand, ben.Creator);
        var bensPost = (await service.ReadAsCreatorAsync(HttpMethod.Post, "/api/me/posts", brand, ben.Creator,
            PostBodies.Post(ben.Enrollment, "https://www.instagram.com/reel/BenReel001/"))).GetProperty("id").GetGuid();

        var anasPost = await service.ReadAsCreatorAsync(HttpMethod.Post, "/api/me/posts", brand, ana.Creator,
            PostBodies.Post(ana.Enrollment, "https://www.instagram.com/reel/AnaReel001/"));
        var asBen = await service.SendAsCreatorAsync(HttpMethod.Post, "/api/me/posts", brand, ana.Creator,
            PostBodies.Post(ben.Enrollment, "https://www.instagram.com/reel/AnaAsBen01/"));
        var readBens = await service.SendAsCreatorAsync(HttpMethod.Get, $"/api/me/posts/{bensPost}", brand, ana.Creator);
        var metricsOnBens = await service.SendAsCreatorAsync(HttpMethod.Post, $"/api/me/posts/{bensPost}/metrics", brand, ana.Creator,
            new { measuredAt = DateTimeOffset.UtcNow, views = 1_000_000 });
        var listed = await service.ReadAsCreatorAsync(HttpMethod.Get, $"/api/me/posts?creatorId={ben.Creator}", brand, ana.Creator);
        var all = await service.ReadAsCreatorAsync(HttpMethod.Get, "/api/me/posts", brand, ana.Creator);
        var bensMetrics = await service.ReadAsync(HttpMethod.Get, $"/api/posts/{bensPost}/metrics", brand);

        Assert.Equal(ana.Creator, anasPost.GetProperty("creatorId").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, asBen.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readBens.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, metricsOnBens.StatusCode);
        Assert.Equal(0, listed.GetProperty("items").GetArrayLength());
        Assert.Equal([anasPost.GetProperty("id").GetGuid()], all.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal(0, bensMetrics.GetProperty("days").GetArrayLength());
    }

    [Fact]
    public async Task A_creator_reads_and_submits_their_own_deliverables_only()
    {
        var (brand, campaign, ana, ben) = await TwoInvitedCreatorsAsync();
        await service.ReadAsCreatorAsync(HttpMethod.Post, $"/api/me/enrollments/{ben.Enrollment}/accept", brand, ben.Creator);
        var deliverable = (await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments/{ben.Enrollment}/deliverables", brand,
            new { type = "post", dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)) })).GetProperty("id").GetGuid();
        var submit = new { url = "https://www.instagram.com/p/BenPost001/" };

        var anaReads = await service.SendAsCreatorAsync(HttpMethod.Get, $"/api/me/enrollments/{ben.Enrollment}/deliverables", brand, ana.Creator);
        var anaSubmits = await service.SendAsCreatorAsync(HttpMethod.Post, $"/api/me/enrollments/{ben.Enrollment}/deliverables/{deliverable}/submit", brand, ana.Creator, submit);
        var benReads = await service.ReadAsCreatorAsync(HttpMethod.Get, $"/api/me/enrollments/{ben.Enrollment}/deliverables", brand, ben.Creator);
        var benSubmits = await service.ReadAsCreatorAsync(HttpMethod.Post, $"/api/me/enrollments/{ben.Enrollment}/deliverables/{deliverable}/submit", brand, ben.Creator, submit);

        Assert.Equal(HttpStatusCode.NotFound, anaReads.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, anaSubmits.StatusCode);
        Assert.Equal("pending", Assert.Single(benReads.EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal("submitted", benSubmits.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/campaigns")]
    [InlineData("GET", "/api/posts")]
    [InlineData("POST", "/api/posts")]
    public async Task The_brands_own_routes_refuse_a_creator_credential(string method, string path)
    {
        var brand = Guid.CreateVersion7();

        var response = await service.SendAsCreatorAsync(new HttpMethod(method), path, brand, Guid.CreateVersion7(), method == "POST" ? new { } : null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/me/enrollments?status=maybe", "status")]
    [InlineData("/api/me/enrollments?limit=0", "limit")]
    [InlineData("/api/me/posts?format=podcast", "format")]
    public async Task A_bad_filter_on_a_creators_list_is_a_400_naming_it(string path, string field)
    {
        var response = await service.SendAsCreatorAsync(HttpMethod.Get, path, Guid.CreateVersion7(), Guid.CreateVersion7());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_bad_submission_of_the_creators_own_deliverable_is_a_400_and_leaves_it_pending()
    {
        var (brand, campaign, ana, _) = await TwoInvitedCreatorsAsync();
        await service.ReadAsCreatorAsync(HttpMethod.Post, $"/api/me/enrollments/{ana.Enrollment}/accept", brand, ana.Creator);
        var deliverable = (await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments/{ana.Enrollment}/deliverables", brand,
            new { type = "post", dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)) })).GetProperty("id").GetGuid();

        var response = await service.SendAsCreatorAsync(HttpMethod.Post, $"/api/me/enrollments/{ana.Enrollment}/deliverables/{deliverable}/submit", brand, ana.Creator,
            new { url = "http://not-https.example.com/p/1" });
        var mine = await service.ReadAsCreatorAsync(HttpMethod.Get, $"/api/me/enrollments/{ana.Enrollment}/deliverables", brand, ana.Creator);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["url"], await response.ErrorFieldsAsync());
        Assert.Equal("pending", Assert.Single(mine.EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_brand_key_is_refused_on_a_creators_own_routes()
    {
        var response = await service.GetAsync("/api/me/enrollments", Guid.CreateVersion7());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>A launched campaign with two approved creators invited to it.</summary>
    private async Task<(Guid Brand, Guid Campaign, (Guid Creator, Guid Enrollment) Ana, (Guid Creator, Guid Enrollment) Ben)> TwoInvitedCreatorsAsync()
    {
        var brand = Guid.CreateVersion7();
        var campaign = await service.LaunchedAsync(brand);
        var invited = new List<(Guid, Guid)>();
        foreach (var creator in new[] { Guid.CreateVersion7(), Guid.CreateVersion7() })
        {
            await service.PublishAsync(CampaignBodies.Approved(brand, creator));
            await service.ReplicaAtAsync(brand, creator, 2);
            var enrollment = (await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments", brand, new { creatorId = creator })).GetProperty("id").GetGuid();
            invited.Add((creator, enrollment));
        }

        return (brand, campaign, invited[0], invited[1]);
    }
}
