using System.Net;
using System.Text.Json;
using AmbassadorNet.TestKit.Waiting;

namespace Tracking.Tests;

/// <summary>Per-post links and promo codes: issued on PostRecorded or on request, and orders through them carry the post.</summary>
public sealed class PostAttributionTests(TrackingService service) : IClassFixture<TrackingService>
{
    [Fact]
    public async Task An_order_through_a_posts_code_or_link_counts_for_the_post_and_its_enrollment_and_nothing_else()
    {
        var brand = Guid.CreateVersion7();
        var jane = await service.EnrollAsync(brand, handle: "@jane.doe");
        var post = Guid.CreateVersion7();
        await service.PublishAsync(Events.PostRecorded(jane, post, link: true, promo: true));
        var (postLink, postPromo) = await CodesOfPostAsync(brand, post);

        using var redirect = await service.Http.GetAsync($"/r/{postLink}");
        var clickId = ClickVisits.ClickIdOf(redirect);
        await Eventually.UntilAsync(_ => service.ScalarAsync<long>("SELECT count(*) FROM clicks WHERE id = @id AND post_id = @post", ("id", clickId), ("post", post)), n => n == 1, "the post's click");
        var byPromo = await service.ConvertAsync(brand, Shop.Order("post-promo", 80m, promo: postPromo));
        var byClick = await service.ConvertAsync(brand, Shop.Order("post-click", 40m, clickId: clickId));
        var byOwnCode = await service.ConvertAsync(brand, Shop.Order("enrollment-promo", 20m, promo: jane.Promo));
        using var refund = await service.RefundAsync(brand, "post-promo", Shop.Refund("r-1", 30m));
        await service.AllDispatchedAsync(brand);
        var attributed = (await service.EventsAsync(brand, "ConversionAttributed")).ToDictionary(e => e.Str("orderId")!);
        var reversed = Assert.Single(await service.EventsAsync(brand, "ConversionReversed"));
        var counted = (await service.EventsAsync(brand, "ClicksCounted")).SelectMany(e => e.GetProperty("counts").EnumerateArray()).ToList();
        var listed = await service.ClicksAsync(brand, $"postId={post}");
        var postLinkId = (await service.ReadAsync(HttpMethod.Get, $"/api/links?postId={post}", brand)).GetProperty("items")[0].GetProperty("id").GetGuid();

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Created), (redirect.StatusCode, refund.StatusCode));
        Assert.Equal((post, jane.EnrollmentId), (byPromo.GetProperty("postId").GetGuid(), byPromo.GetProperty("enrollmentId").GetGuid()));
        Assert.Equal(("click", post), (byClick.Str("method"), byClick.GetProperty("postId").GetGuid()));
        Assert.Equal((JsonValueKind.Null, jane.EnrollmentId), (byOwnCode.GetProperty("postId").ValueKind, byOwnCode.GetProperty("enrollmentId").GetGuid()));
        Assert.Equal(post, attributed["post-promo"].GetProperty("postId").GetGuid());
        Assert.Equal(post, attributed["post-click"].GetProperty("postId").GetGuid());
        Assert.Equal(JsonValueKind.Null, attributed["enrollment-promo"].GetProperty("postId").ValueKind);
        Assert.Equal(post, reversed.GetProperty("postId").GetGuid());
        var count = Assert.Single(counted);
        Assert.Equal((postLinkId, post, 1), (count.GetProperty("linkId").GetGuid(), count.GetProperty("postId").GetGuid(), count.GetProperty("clicks").GetInt32()));
        var click = Assert.Single(listed);
        Assert.Equal((clickId, postLinkId, post), (click.Id(), click.GetProperty("linkId").GetGuid(), click.GetProperty("postId").GetGuid()));
    }

    [Fact]
    public async Task A_post_that_arrives_before_its_enrollment_waits_and_a_duplicate_issues_nothing_more()
    {
        var brand = Guid.CreateVersion7();
        var campaign = Guid.CreateVersion7();
        await service.PublishAsync(Events.Launched(brand, campaign));
        var enrollment = Guid.CreateVersion7();
        var enrolled = Events.Enrolled(brand, campaign, enrollment);
        var early = new Enrollment(brand, campaign, enrollment, enrolled.Enrollment.CreatorId, Guid.Empty, "", "");
        var post = Guid.CreateVersion7();

        await service.PublishAsync(Events.PostRecorded(early, post, link: true, promo: true));
        await service.PublishAsync(Events.PostRecorded(early, post, link: true, promo: true));
        await service.PublishAsync(enrolled);
        await CodesOfPostAsync(brand, post);
        await Eventually.SettledAsync(_ => service.ScalarAsync<long>("SELECT count(*) FROM inbox_messages"), "inbox", service.Idle);

        Assert.Equal(1, await service.ScalarAsync<long>("SELECT count(*) FROM tracking_links WHERE post_id = @p", ("p", post)));
        Assert.Equal(1, await service.ScalarAsync<long>("SELECT count(*) FROM promo_codes WHERE post_id = @p", ("p", post)));
        Assert.Equal(1, await service.ScalarAsync<long>("SELECT count(*) FROM post_replicas WHERE post_id = @p", ("p", post)));
    }

    [Fact]
    public async Task A_post_gets_further_codes_on_request_and_only_what_it_asked_for_on_its_own()
    {
        var brand = Guid.CreateVersion7();
        var jane = await service.EnrollAsync(brand);
        var post = Guid.CreateVersion7();
        await service.PublishAsync(Events.PostRecorded(jane, post, link: false, promo: false));
        await Eventually.UntilAsync(_ => service.ScalarAsync<long>("SELECT count(*) FROM post_replicas WHERE post_id = @p", ("p", post)), n => n == 1, "the post's replica");

        var link = await service.ReadAsync(HttpMethod.Post, "/api/links", brand, new { postId = post });
        var chosen = await service.ReadAsync(HttpMethod.Post, "/api/promo-codes", brand, new { postId = post, code = "JANEREEL" });
        var both = await service.SendAsync(HttpMethod.Post, "/api/links", brand, new { postId = post, enrollmentId = jane.EnrollmentId });
        var neither = await service.SendAsync(HttpMethod.Post, "/api/promo-codes", brand, new { code = "NOBODY" });
        var unknown = await service.SendAsync(HttpMethod.Post, "/api/links", brand, new { postId = Guid.CreateVersion7() });
        var listed = await service.ReadAsync(HttpMethod.Get, $"/api/promo-codes?postId={post}", brand);

        Assert.Equal((post, jane.EnrollmentId), (link.GetProperty("postId").GetGuid(), link.GetProperty("enrollmentId").GetGuid()));
        Assert.Equal(("JANEREEL", post), (chosen.Str("code"), chosen.GetProperty("postId").GetGuid()));
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(["JANEREEL"], listed.GetProperty("items").EnumerateArray().Select(p => p.Str("code")));
        Assert.Equal(1, await service.ScalarAsync<long>("SELECT count(*) FROM tracking_links WHERE post_id = @p", ("p", post)));
    }

    private async Task<(string Link, string Promo)> CodesOfPostAsync(Guid brand, Guid post)
    {
        var links = await Eventually.UntilAsync(
            _ => service.ReadAsync(HttpMethod.Get, $"/api/links?postId={post}", brand), l => l.GetProperty("items").GetArrayLength() > 0, $"link of post {post}");
        var promos = await Eventually.UntilAsync(
            _ => service.ReadAsync(HttpMethod.Get, $"/api/promo-codes?postId={post}", brand), p => p.GetProperty("items").GetArrayLength() > 0, $"promo code of post {post}");
        return (links.GetProperty("items")[0].Str("code")!, promos.GetProperty("items")[0].Str("code")!);
    }
}
