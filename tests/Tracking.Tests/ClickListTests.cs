using System.Net;
using System.Text.Json;

namespace Tracking.Tests;

/// <summary>GET /api/clicks: the rows each ClicksCounted event counted, read back by batch id, narrowed by filters, paged.</summary>
public sealed class ClickListTests(TrackingService service) : IClassFixture<TrackingService>
{
    [Fact]
    public async Task Each_ClicksCounted_batch_lists_exactly_the_clicks_it_counted_with_the_same_counts()
    {
        var scene = await ClickScene.PlayAsync(service);
        var batchIds = scene.Counted.Select(e => e.GetProperty("batchId").GetGuid()).ToList();

        var batches = new Dictionary<Guid, List<JsonElement>>();
        foreach (var batch in batchIds.Distinct())
        {
            batches[batch] = await service.ClicksAsync(scene.Brand, $"batchId={batch}&limit=50");
        }

        var counted = ClickTally.OfEvents(scene.Counted);

        Assert.True(batchIds.Count >= 2, $"{batchIds.Count} batch"); // the scene's rounds
        Assert.Equal(batchIds.Count, batches.Count); // no batch id in two events
        Assert.Equal(scene.Clicks.Order(), batches.Values.SelectMany(rows => rows).Select(r => r.Id()).Order());
        Assert.All(scene.Counted, e =>
        {
            var rows = batches[e.GetProperty("batchId").GetGuid()];
            Assert.All(rows, r => Assert.Equal(e.GetProperty("batchId").GetGuid(), r.GetProperty("batchId").GetGuid()));
            Assert.Equal(ClickTally.OfRows(rows), ClickTally.OfEvents([e]));
        });
        Assert.Equal((3, 1, 1, 1, 3), ClickTally.TotalOf(counted, scene.Jane.LinkId));
        Assert.Equal((2, 2, 0, 0, 2), ClickTally.TotalOf(counted, scene.Bob.LinkId));
    }

    [Fact]
    public async Task Link_creator_and_time_filters_narrow_the_list_and_clickedTo_is_exclusive()
    {
        var scene = await ClickScene.PlayAsync(service);
        var clickedAt = (await service.ClicksAsync(scene.Brand, "limit=50")).ToDictionary(c => c.Id(), c => c.GetProperty("clickedAt").GetString()!);
        var (from, to) = (clickedAt[scene.Visits[1].Click], clickedAt[scene.Visits[3].Click]);

        var janes = await service.ClicksAsync(scene.Brand, $"linkId={scene.Jane.LinkId}");
        var bobs = await service.ClicksAsync(scene.Brand, $"creatorId={scene.Bob.CreatorId}");
        var janesLinkByBob = await service.ClicksAsync(scene.Brand, $"linkId={scene.Jane.LinkId}&creatorId={scene.Bob.CreatorId}");
        var window = await service.ClicksAsync(scene.Brand, $"clickedFrom={Uri.EscapeDataString(from)}&clickedTo={Uri.EscapeDataString(to)}");

        Assert.Equal(scene.ClicksOf(scene.Jane).Reverse(), janes.Select(c => c.Id()));
        Assert.Equal(scene.ClicksOf(scene.Bob).Reverse(), bobs.Select(c => c.Id()));
        Assert.Empty(janesLinkByBob);
        Assert.Equal([scene.Visits[2].Click, scene.Visits[1].Click], window.Select(c => c.Id())); // the click at clickedTo is not in it
    }

    [Fact]
    public async Task Pages_of_one_walk_every_click_exactly_once_latest_first()
    {
        var scene = await ClickScene.PlayAsync(service);

        var (walked, pageSizes) = (new List<Guid>(), new List<int>());
        string? cursor = null;
        do
        {
            var page = await service.ReadAsync(HttpMethod.Get, $"/api/clicks?limit=1{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}", scene.Brand);
            pageSizes.Add(page.GetProperty("items").GetArrayLength());
            walked.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.Id()));
            cursor = page.Str("nextCursor");
        }
        while (cursor is not null && pageSizes.Count <= 10);

        Assert.Equal(1, pageSizes.Max());
        Assert.Equal(scene.Clicks.Reverse(), walked);
    }

    [Fact]
    public async Task Another_brands_clicks_and_batches_are_never_listed()
    {
        var scene = await ClickScene.PlayAsync(service);
        var strangersBatch = scene.StrangerCounted.GetProperty("batchId").GetGuid();

        var all = await service.ClicksAsync(scene.Brand, "limit=50");
        var byStrangersBatch = await service.ClicksAsync(scene.Brand, $"batchId={strangersBatch}");
        var byStrangersLink = await service.ClicksAsync(scene.Brand, $"linkId={scene.Stranger.LinkId}");
        var strangersOwn = await service.ClicksAsync(scene.Stranger.Brand, $"batchId={strangersBatch}");

        Assert.Equal(scene.Clicks.Order(), all.Select(c => c.Id()).Order());
        Assert.Empty(byStrangersBatch);
        Assert.Empty(byStrangersLink);
        Assert.Equal([scene.StrangerClick], strangersOwn.Select(c => c.Id()));
    }

    [Fact]
    public async Task A_listed_click_has_its_batch_and_flags_but_never_the_visitors_ip_hash()
    {
        var scene = await ClickScene.PlayAsync(service);

        using var response = await service.GetAsync("/api/clicks?limit=50", scene.Brand);
        var text = await response.Content.ReadAsStringAsync();
        var items = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(scene.Visits.Count, items.Count);
        Assert.All(items, c => Assert.Equal(
            ["id", "linkId", "enrollmentId", "campaignId", "creatorId", "postId", "clickedAt", "isBot", "isDuplicate", "isAttributable", "referrerHost", "batchId"],
            c.EnumerateObject().Select(p => p.Name)));
        Assert.DoesNotContain("ipHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ClickVisits.IpHashOf(ClickScene.RepeatVisitor), text, StringComparison.OrdinalIgnoreCase);
    }
}
