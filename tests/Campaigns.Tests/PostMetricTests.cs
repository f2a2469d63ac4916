using System.Net;
using System.Text;
using System.Text.Json;
using AmbassadorNet.Security;
using AmbassadorNet.Campaigns;

namespace Campaigns.Tests;

public sealed class PostMetricTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    private static readonly DateTimeOffset Day1Morning = DateTimeOffset.UtcNow.Date.AddDays(-2).AddHours(9);

    // Day 1: an early and a late snapshot (the late one wins); day 2: one snapshot. Worked by hand:
    // day 2 adds views 500, likes 30, comments 2, shares 1, saves 2; engagement = (130+12+6+7) / 1500 = 0.103333.
    private static readonly object Early = Snapshot(Day1Morning, views: 400, likes: 40, comments: 4, shares: 1, saves: 1, reach: 350);
    private static readonly object Late = Snapshot(Day1Morning.AddHours(9), views: 1000, likes: 100, comments: 10, shares: 5, saves: 5, reach: 800);
    private static readonly object NextDay = Snapshot(Day1Morning.AddDays(1), views: 1500, likes: 130, comments: 12, shares: 6, saves: 7, reach: 1100);

    [Fact]
    public async Task Snapshots_in_any_order_or_repeated_give_the_same_days_increments_and_engagement()
    {
        var (brand, _, enrollment, _) = await service.ActiveEnrollmentAsync();
        var inOrder = await PostAsync(brand, enrollment, "https://www.instagram.com/reel/InOrder1/");
        var shuffled = await PostAsync(brand, enrollment, "https://www.instagram.com/reel/Shuffled1/");

        foreach (var snapshot in new[] { Early, Late, NextDay })
        {
            await service.ReadAsync(HttpMethod.Post, $"/api/posts/{inOrder}/metrics", brand, snapshot);
        }

        foreach (var snapshot in new[] { NextDay, Late, Early, Late, NextDay })
        {
            await service.ReadAsync(HttpMethod.Post, $"/api/posts/{shuffled}/metrics", brand, snapshot);
        }

        var a = await service.ReadAsync(HttpMethod.Get, $"/api/posts/{inOrder}/metrics", brand);
        var b = await service.ReadAsync(HttpMethod.Get, $"/api/posts/{shuffled}/metrics", brand);
        var events = (await service.EventsAsync(brand)).Where(e => e.MessageType.Contains(".PostMetricsRecorded", StringComparison.Ordinal))
            .Select(e => JsonDocument.Parse(e.Body).RootElement).ToList();

        Assert.Equal(Days(a), Days(b));
        Assert.Equal(
            [(1000L, 1000L, 100L, 800L), (1500L, 500L, 30L, 1100L)],
            a.GetProperty("days").EnumerateArray().Select(d => (
                d.GetProperty("lifetime").GetProperty("views").GetInt64(), d.GetProperty("increment").GetProperty("views").GetInt64(),
                d.GetProperty("increment").GetProperty("likes").GetInt64(), d.GetProperty("lifetime").GetProperty("reach").GetInt64())));
        Assert.Equal((0.103333m, "views"), (a.GetProperty("engagementRate").GetDecimal(), a.GetProperty("engagementBasis").GetString()));
        Assert.Equal(["views", "reach", "likes", "comments", "shares", "saves"], a.GetProperty("latest").GetProperty("lifetime").EnumerateObject().Select(p => p.Name));
        Assert.Equal((0.103333m, "views"), (b.GetProperty("engagementRate").GetDecimal(), b.GetProperty("engagementBasis").GetString()));
        Assert.Equal(3, events.Count(e => e.GetProperty("postId").GetGuid() == inOrder)); // each snapshot changed its day
        Assert.Equal(2, events.Count(e => e.GetProperty("postId").GetGuid() == shuffled)); // the early one and the repeats changed nothing
    }

    [Fact]
    public async Task Without_views_engagement_is_measured_against_the_creators_followers_on_the_platform()
    {
        var (brand, _, enrollment, _) = await service.ActiveEnrollmentAsync();
        var post = await PostAsync(brand, enrollment, "https://www.instagram.com/p/NoViews1/", format: "feed_post");

        var metrics = await service.ReadAsync(HttpMethod.Post, $"/api/posts/{post}/metrics", brand, Snapshot(DateTimeOffset.UtcNow, likes: 300, comments: 50));

        // (300 + 50) / 20,000 followers on instagram when the post was recorded.
        Assert.Equal((0.0175m, "followers", 20_000L), (metrics.GetProperty("engagementRate").GetDecimal(), metrics.GetProperty("engagementBasis").GetString(), metrics.GetProperty("creatorFollowers").GetInt64()));
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("latest").GetProperty("lifetime").GetProperty("views").ValueKind);
    }

    [Fact]
    public async Task A_bad_report_is_named_field_by_field_and_stores_nothing()
    {
        var (brand, _, enrollment, _) = await service.ActiveEnrollmentAsync();
        var post = await PostAsync(brand, enrollment, "https://www.instagram.com/reel/BadReport1/");

        var future = await service.SendAsync(HttpMethod.Post, $"/api/posts/{post}/metrics", brand, Snapshot(DateTimeOffset.UtcNow.AddDays(1), views: 1, likes: -1));
        var beforePublished = await service.SendAsync(HttpMethod.Post, $"/api/posts/{post}/metrics", brand, Snapshot(DateTimeOffset.UtcNow.AddDays(-30), views: 1));
        var empty = await service.SendAsync(HttpMethod.Post, $"/api/posts/{post}/metrics", brand, new { measuredAt = DateTimeOffset.UtcNow });
        var unknown = await service.SendAsync(HttpMethod.Post, $"/api/posts/{Guid.CreateVersion7()}/metrics", brand, Snapshot(DateTimeOffset.UtcNow, views: 1));
        var stored = await service.ReadAsync(HttpMethod.Get, $"/api/posts/{post}/metrics", brand);

        Assert.Equal(["likes", "measuredAt"], await future.ErrorFieldsAsync());
        Assert.Equal(["measuredAt"], await beforePublished.ErrorFieldsAsync());
        Assert.Equal(["metrics"], await empty.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, stored.GetProperty("days").GetArrayLength());
    }

    [Fact]
    public async Task A_file_with_a_bad_row_is_refused_whole_by_default_and_partly_stored_in_partial_mode()
    {
        var (brand, _, enrollment, _) = await service.ActiveEnrollmentAsync();
        var post = await PostAsync(brand, enrollment, "https://www.instagram.com/reel/Imported1/");
        var at = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O");
        var csv = string.Join("\n",
            "post_id,url,measured_at,views,likes,comments",
            $"{post},,{at},\"1,200\",90,9",
            $",https://www.instagram.com/reel/Imported1/?igsh=share,{at},1200,90,9", // the same snapshot again, by URL
            $",https://www.instagram.com/reel/NoSuchPost/,{at},5,1,1",
            $"{post},,yesterday-ish,lots,1,1") + "\n";

        var refused = await ImportAsync(brand, csv, null);
        var nothing = await service.ReadAsync(HttpMethod.Get, $"/api/posts/{post}/metrics", brand);
        var partial = await ImportAsync(brand, csv, "partial");
        var report = JsonDocument.Parse(await partial.Content.ReadAsStringAsync()).RootElement;
        var stored = await service.ReadAsync(HttpMethod.Get, $"/api/posts/{post}/metrics", brand);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedRows = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("rows");
        Assert.Equal(["valid", "valid", "rejected", "rejected"], refusedRows.EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(0, nothing.GetProperty("days").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Equal(
            [(2, "recorded"), (3, "unchanged"), (4, "rejected"), (5, "rejected")],
            report.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("status").GetString())));
        Assert.Equal(["url"], report.GetProperty("rows")[2].GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(["measured_at", "views"], report.GetProperty("rows")[3].GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal((1, 1, 2), (report.GetProperty("recorded").GetInt32(), report.GetProperty("unchanged").GetInt32(), report.GetProperty("rejected").GetInt32()));
        Assert.Equal(1200, stored.GetProperty("latest").GetProperty("lifetime").GetProperty("views").GetInt64());
    }

    private static object Snapshot(DateTimeOffset at, long? views = null, long? likes = null, long? comments = null, long? shares = null, long? saves = null, long? reach = null) =>
        new { measuredAt = at, views, reach, likes, comments, shares, saves };

    private static string Days(JsonElement metrics) => metrics.GetProperty("days").GetRawText();

    private async Task<Guid> PostAsync(Guid brand, Guid enrollment, string url, string format = "reel") =>
        (await service.ReadAsync(HttpMethod.Post, "/api/posts", brand, PostBodies.Post(enrollment, url, format: format, daysAgo: 3))).GetProperty("id").GetGuid();

    private Task<HttpResponseMessage> ImportAsync(Guid brand, string csv, string? mode)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/posts/metrics/import" + (mode is null ? "" : $"?mode={mode}"))
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        };
        request.Headers.Authorization = new("Bearer", service.Tokens.Mint(InternalToken.AudienceFor(CampaignsApp.Name), brand, ["manager"]));
        return service.Http.SendAsync(request);
    }
}
