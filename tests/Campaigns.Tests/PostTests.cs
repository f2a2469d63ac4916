using System.Net;
using System.Text.Json;
using AmbassadorNet.Contracts.Creators;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Tests;

public sealed class PostTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    private const string Reel = PostBodies.Reel;

    [Fact]
    public async Task A_post_is_recorded_with_the_creators_followers_on_its_platform_and_one_event()
    {
        var (brand, campaign, enrollment, creator) = await service.ActiveEnrollmentAsync();

        var post = await service.ReadAsync(HttpMethod.Post, "/api/posts", brand, PostBodies.Post(enrollment, Reel + "?igsh=abc", caption: "  Loving the box #ad  ", promoCode: true));
        var read = await service.ReadAsync(HttpMethod.Get, $"/api/posts/{post.GetProperty("id").GetGuid()}", brand);
        var recorded = JsonDocument.Parse((await service.EventsAsync(brand)).Single(e => e.MessageType.Contains(".PostRecorded", StringComparison.Ordinal)).Body).RootElement;

        Assert.Equal("https://instagram.com/reel/C0abc123XYZ", read.GetProperty("url").GetString());
        Assert.Equal((campaign, creator), (read.GetProperty("campaignId").GetGuid(), read.GetProperty("creatorId").GetGuid()));
        Assert.Equal(("instagram", "reel", "en", "US"), (read.GetProperty("platform").GetString(), read.GetProperty("format").GetString(), read.GetProperty("language").GetString(), read.GetProperty("market").GetString()));
        Assert.Equal(("Loving the box #ad", 20_000L), (read.GetProperty("caption").GetString(), read.GetProperty("creatorFollowers").GetInt64()));
        Assert.Equal((true, true, true), (read.GetProperty("paidPartnershipLabel").GetBoolean(), read.GetProperty("trackingLinkRequested").GetBoolean(), read.GetProperty("promoCodeRequested").GetBoolean()));
        Assert.Equal((1L, true, true), (recorded.GetProperty("version").GetInt64(), recorded.GetProperty("trackingLinkRequested").GetBoolean(), recorded.GetProperty("promoCodeRequested").GetBoolean()));
        Assert.Equal(("reel", enrollment), (recorded.GetProperty("post").GetProperty("format").GetString(), recorded.GetProperty("post").GetProperty("enrollmentId").GetGuid()));
    }

    [Fact]
    public async Task Bad_input_is_named_field_by_field_and_changes_nothing()
    {
        var (brand, _, enrollment, _) = await service.ActiveEnrollmentAsync();

        var wrongPlatform = await service.SendAsync(HttpMethod.Post, "/api/posts", brand, PostBodies.Post(enrollment, Reel, platform: "tiktok", format: "short_video"));
        var formatNotOffered = await service.SendAsync(HttpMethod.Post, "/api/posts", brand, PostBodies.Post(enrollment, "https://youtu.be/dQw4w9WgXcQ", platform: "youtube", format: "story"));
        var everything = await service.SendAsync(HttpMethod.Post, "/api/posts", brand, new
        {
            platform = "myspace", format = "hologram", url = "ftp://x", publishedAt = DateTimeOffset.UtcNow.AddDays(1), language = "english", market = "USA",
        });
        var unknownEnrollment = await service.SendAsync(HttpMethod.Post, "/api/posts", brand, PostBodies.Post(Guid.CreateVersion7(), Reel));

        Assert.Equal(["url"], await wrongPlatform.ErrorFieldsAsync());
        Assert.Equal(["format"], await formatNotOffered.ErrorFieldsAsync());
        Assert.Equal(["enrollmentId", "format", "language", "market", "platform", "publishedAt"], await everything.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownEnrollment.StatusCode);
        Assert.Equal(0, await service.QueryAsync(brand, db => db.Posts.CountAsync()));
        Assert.DoesNotContain(await service.EventsAsync(brand), e => e.MessageType.Contains(".PostRecorded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_post_shared_twice_is_recorded_once()
    {
        var (brand, _, enrollment, _) = await service.ActiveEnrollmentAsync();
        var first = await service.ReadAsync(HttpMethod.Post, "/api/posts", brand, PostBodies.Post(enrollment, Reel));

        var again = await service.SendAsync(HttpMethod.Post, "/api/posts", brand, PostBodies.Post(enrollment, "https://www.instagram.com/reel/C0abc123XYZ?utm_source=ig_web_copy_link#x"));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(first.GetProperty("id").GetGuid().ToString(), await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await service.QueryAsync(brand, db => db.Posts.CountAsync()));
    }

    [Fact]
    public async Task A_post_of_a_fulfilling_format_submits_its_deliverable_and_another_format_is_refused()
    {
        var (brand, campaign, enrollment, _) = await service.ActiveEnrollmentAsync();
        var path = $"/api/campaigns/{campaign}/enrollments/{enrollment}/deliverables";
        var deliverable = (await service.ReadAsync(HttpMethod.Post, path, brand, new { type = "video", dueDate = "2026-12-20" })).GetProperty("id").GetGuid();

        var story = await service.SendAsync(HttpMethod.Post, "/api/posts", brand, PostBodies.Post(enrollment, "https://www.instagram.com/stories/jane/3300000000000000000/", format: "story", deliverableId: deliverable));
        var pendingAfterRefusal = (await service.ReadAsync(HttpMethod.Get, path, brand))[0].GetProperty("status").GetString();
        var reel = await service.ReadAsync(HttpMethod.Post, "/api/posts", brand, PostBodies.Post(enrollment, Reel, deliverableId: deliverable));
        var submitted = (await service.ReadAsync(HttpMethod.Get, path, brand))[0];
        var listed = await service.ReadAsync(HttpMethod.Get, $"/api/posts?deliverableId={deliverable}", brand);

        Assert.Equal(["format"], await story.ErrorFieldsAsync());
        Assert.Equal("pending", pendingAfterRefusal);
        Assert.Equal(deliverable, reel.GetProperty("deliverableId").GetGuid());
        Assert.Equal(("submitted", "https://instagram.com/reel/C0abc123XYZ"), (submitted.GetProperty("status").GetString(), submitted.GetProperty("submittedUrl").GetString()));
        Assert.Equal([reel.GetProperty("id").GetGuid()], listed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal(1, (await service.EventsAsync(brand)).Count(e => e.MessageType.Contains(".DeliverableSubmitted", StringComparison.Ordinal)));
        // The deliverable names the post it was submitted as, and its approval carries it: the fee is that post's cost.
        Assert.Equal(reel.GetProperty("id").GetGuid(), submitted.GetProperty("postId").GetGuid());
        await service.ReadAsync(HttpMethod.Post, $"{path}/{deliverable}/approve", brand);
        var approved = Assert.Single(await service.EventsAsync(brand), e => e.MessageType.Contains(".DeliverableApproved", StringComparison.Ordinal));
        Assert.Equal(reel.GetProperty("id").GetGuid(), System.Text.Json.JsonDocument.Parse(approved.Body).RootElement.GetProperty("deliverable").GetProperty("postId").GetGuid());
    }

    [Fact]
    public async Task Posts_belong_to_active_enrollments_and_list_by_platform_and_format_newest_first()
    {
        var (brand, campaign, enrollment, _) = await service.ActiveEnrollmentAsync();
        var older = await service.ReadAsync(HttpMethod.Post, "/api/posts", brand, PostBodies.Post(enrollment, "https://www.youtube.com/watch?v=dQw4w9WgXcQ", platform: "youtube", format: "long_video", daysAgo: 3));
        var newer = await service.ReadAsync(HttpMethod.Post, "/api/posts", brand, PostBodies.Post(enrollment, "https://youtu.be/aaaaaaaaaaa", platform: "youtube", format: "short_video", daysAgo: 1));
        await service.ReadAsync(HttpMethod.Post, "/api/posts", brand, PostBodies.Post(enrollment, Reel, daysAgo: 2));
        await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments/{enrollment}/remove", brand);

        var afterRemoval = await service.SendAsync(HttpMethod.Post, "/api/posts", brand, PostBodies.Post(enrollment, "https://x.com/jane/status/1790000000000000000", platform: "x", format: "feed_post"));
        var youtube = await service.ReadAsync(HttpMethod.Get, $"/api/posts?campaignId={campaign}&platform=YouTube", brand);
        var longVideos = await service.ReadAsync(HttpMethod.Get, "/api/posts?format=long_video", brand);
        var badFilter = await service.SendAsync(HttpMethod.Get, "/api/posts?platform=myspace&format=hologram", brand);

        Assert.Equal(HttpStatusCode.Conflict, afterRemoval.StatusCode);
        Assert.Equal([newer.GetProperty("id").GetGuid(), older.GetProperty("id").GetGuid()], youtube.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal([older.GetProperty("id").GetGuid()], longVideos.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal(["format", "platform"], await badFilter.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Erasing_the_creator_removes_their_posts_urls_and_captions_and_keeps_the_posts()
    {
        var (brand, campaign, enrollment, creator) = await service.ActiveEnrollmentAsync();
        var path = $"/api/campaigns/{campaign}/enrollments/{enrollment}/deliverables";
        var deliverable = (await service.ReadAsync(HttpMethod.Post, path, brand, new { type = "video", dueDate = "2026-12-20" })).GetProperty("id").GetGuid();
        var post = (await service.ReadAsync(HttpMethod.Post, "/api/posts", brand, PostBodies.Post(enrollment, Reel, caption: "Jane's favourite", deliverableId: deliverable))).GetProperty("id").GetGuid();

        await service.PublishAsync(new CreatorErased(brand, DateTimeOffset.UtcNow, creator, 9));
        await service.ReplicaAtAsync(brand, creator, 9);
        var erased = await service.ReadAsync(HttpMethod.Get, $"/api/posts/{post}", brand);
        var submitted = (await service.ReadAsync(HttpMethod.Get, path, brand))[0];

        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, true), (erased.GetProperty("url").ValueKind, erased.GetProperty("caption").ValueKind, erased.GetProperty("erased").GetBoolean()));
        Assert.Equal(("reel", "instagram"), (erased.GetProperty("format").GetString(), erased.GetProperty("platform").GetString()));
        Assert.Equal(JsonValueKind.Null, submitted.GetProperty("submittedUrl").ValueKind);
    }
}
