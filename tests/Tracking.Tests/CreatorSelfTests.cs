using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Security;
using AmbassadorNet.TestKit.Waiting;

namespace Tracking.Tests;

/// <summary>
/// A creator's own links and promo codes (<c>/api/me/links</c>, <c>/api/me/promo-codes</c>): the brand's
/// lists with the same filters, narrowed to the token's creator, and refused to anyone else.
/// </summary>
public sealed class CreatorSelfTests(TrackingService service) : IClassFixture<TrackingService>
{
    [Fact]
    public async Task A_creator_lists_their_enrollments_and_posts_links_and_codes_and_none_of_another_creators()
    {
        var brand = Guid.CreateVersion7();
        var ana = await service.EnrollAsync(brand, handle: "@ana.lima");
        var ben = await service.EnrollAsync(brand, ana.CampaignId, handle: "@ben.ode");
        var post = Guid.CreateVersion7();
        await service.PublishAsync(Events.PostRecorded(ana, post, link: true, promo: true));
        await Eventually.UntilAsync(
            _ => service.ScalarAsync<long>("SELECT count(*) FROM promo_codes WHERE post_id = @p", ("p", post)), n => n == 1, "the post's promo code");

        var links = await MineAsync("/api/me/links", ana);
        var codes = await MineAsync("/api/me/promo-codes", ana);
        var bensLinks = await MineAsync("/api/me/links", ben);
        var brandsLinks = await service.ReadAsync(HttpMethod.Get, $"/api/links?creatorId={ana.CreatorId}", brand);

        Assert.Equal(2, links.Count);
        Assert.All(links.Concat(codes), l => Assert.Equal(ana.CreatorId, l.GetProperty("creatorId").GetGuid()));
        Assert.Equal([post], links.Concat(codes).Where(l => l.GetProperty("postId").ValueKind != JsonValueKind.Null).Select(l => l.GetProperty("postId").GetGuid()).Distinct());
        Assert.Equal([ana.Promo], codes.Where(c => c.GetProperty("postId").ValueKind == JsonValueKind.Null).Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(brandsLinks.GetProperty("items").EnumerateArray().Select(l => l.GetRawText()), links.Select(l => l.GetRawText()));
        Assert.Equal([ben.LinkId], bensLinks.Select(l => l.GetProperty("id").GetGuid()));
    }

    [Theory]
    [InlineData("/api/me/links?enrollmentId={0}")]
    [InlineData("/api/me/links?creatorId={1}")]
    [InlineData("/api/me/promo-codes?enrollmentId={0}")]
    [InlineData("/api/me/promo-codes?campaignId={2}")]
    public async Task Filtering_by_another_creators_enrollment_or_id_finds_nothing(string template)
    {
        var brand = Guid.CreateVersion7();
        var ana = await service.EnrollAsync(brand, handle: "@ana.lima");
        var ben = await service.EnrollAsync(brand, ana.CampaignId, handle: "@ben.ode");

        var page = await service.ReadAsCreatorAsync(HttpMethod.Get, string.Format(template, ana.EnrollmentId, ana.CreatorId, ana.CampaignId), brand, ben.CreatorId);

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.DoesNotContain(items, i => i.GetProperty("creatorId").GetGuid() == ana.CreatorId);
        Assert.Equal(template.Contains("campaignId", StringComparison.Ordinal) ? [ben.Promo] : [], items.Select(i => i.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_bad_limit_is_a_400_naming_it_as_on_the_brands_list()
    {
        var brand = Guid.CreateVersion7();
        var ana = await service.EnrollAsync(brand);

        using var response = await service.SendAsCreatorAsync(HttpMethod.Get, "/api/me/links?limit=0", brand, ana.CreatorId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["limit"], (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData("/api/me/links")]
    [InlineData("/api/me/promo-codes")]
    public async Task A_brand_key_is_refused_on_a_creators_own_lists(string path)
    {
        using var manager = await service.GetAsync(path, Guid.CreateVersion7());
        using var admin = await service.GetAsync(path, Guid.CreateVersion7(), Roles.Admin);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (manager.StatusCode, admin.StatusCode));
    }

    [Fact]
    public async Task A_creator_credential_is_refused_on_the_brands_links_and_codes_and_changes_nothing()
    {
        var brand = Guid.CreateVersion7();
        var ana = await service.EnrollAsync(brand);

        using var list = await service.SendAsCreatorAsync(HttpMethod.Get, "/api/links", brand, ana.CreatorId);
        using var codes = await service.SendAsCreatorAsync(HttpMethod.Get, "/api/promo-codes", brand, ana.CreatorId);
        using var issue = await service.SendAsCreatorAsync(HttpMethod.Post, "/api/links", brand, ana.CreatorId, new { enrollmentId = ana.EnrollmentId });
        using var deactivate = await service.SendAsCreatorAsync(HttpMethod.Post, $"/api/links/{ana.LinkId}/deactivate", brand, ana.CreatorId);

        Assert.All([list, codes, issue, deactivate], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(1L, await service.ScalarAsync<long>("SELECT count(*) FROM tracking_links WHERE brand_id = @b AND active", ("b", brand)));
    }

    private async Task<List<JsonElement>> MineAsync(string path, Enrollment e) =>
        [.. (await service.ReadAsCreatorAsync(HttpMethod.Get, path, e.Brand, e.CreatorId)).GetProperty("items").EnumerateArray()];
}
