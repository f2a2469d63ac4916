using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static Campaigns.Tests.PostBodies;

namespace Campaigns.Tests;

/// <summary>Experiments: declared in a campaign, posts assigned by the brand or by a seeded draw anyone can redo, ended by the brand or with the campaign.</summary>
public sealed class ExperimentTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    private static object Declaration(Guid campaign, string assignment = "brand", long? seed = null) => new
    {
        campaignId = campaign, name = "Reels against stories", hypothesis = "Reels sell more than stories.",
        variants = new[] { new { key = "story", name = "Stories", description = (string?)null }, new { key = "Reel", name = "Reels", description = (string?)"15–30 s" } },
        control = "story", assignment, seed, significanceLevel = 0.05m,
    };

    [Fact]
    public async Task The_brand_assigns_posts_to_variants_and_the_experiment_counts_them()
    {
        var (brand, campaign, enrollment, _) = await service.ActiveEnrollmentAsync();
        var experiment = await service.ReadAsync(HttpMethod.Post, "/api/experiments", brand, Declaration(campaign));
        var id = experiment.GetProperty("id").GetGuid();

        var reel = await service.ReadAsync(HttpMethod.Post, "/api/posts", brand, Post(enrollment, Reel, experimentId: id, variant: "REEL"));
        var noVariant = await service.SendAsync(HttpMethod.Post, "/api/posts", brand, Post(enrollment, "https://www.instagram.com/reel/C0zzz999XYZ/", experimentId: id));
        var unknownVariant = await service.SendAsync(HttpMethod.Post, "/api/posts", brand, Post(enrollment, "https://www.instagram.com/reel/C0zzz999XYZ/", experimentId: id, variant: "carousel"));
        var read = await service.ReadAsync(HttpMethod.Get, $"/api/experiments/{id}", brand);

        Assert.Equal(("reel", "brand", "running", (JsonValueKind)JsonValueKind.Null), (experiment.GetProperty("variants")[1].GetProperty("key").GetString(),
            experiment.GetProperty("assignment").GetString(), experiment.GetProperty("status").GetString(), experiment.GetProperty("seed").ValueKind));
        Assert.Equal((id, "reel"), (reel.GetProperty("experimentId").GetGuid(), reel.GetProperty("variant").GetString()));
        Assert.Equal(["variant"], await noVariant.ErrorFieldsAsync());
        Assert.Equal(["variant"], await unknownVariant.ErrorFieldsAsync());
        Assert.Equal([0, 1], read.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("posts").GetInt32()));
        var events = await service.EventsAsync(brand);
        Assert.Single(events, e => e.MessageType.Contains(".ExperimentStarted", StringComparison.Ordinal));
        var recorded = JsonDocument.Parse(Assert.Single(events, e => e.MessageType.Contains(".PostRecorded", StringComparison.Ordinal)).Body).RootElement.GetProperty("post");
        Assert.Equal((id, "reel"), (recorded.GetProperty("experimentId").GetGuid(), recorded.GetProperty("variant").GetString()));
    }

    [Fact]
    public async Task A_random_draw_follows_the_recorded_seed_so_anyone_can_redo_it()
    {
        var (brand, campaign, enrollment, _) = await service.ActiveEnrollmentAsync();
        var seeded = await service.ReadAsync(HttpMethod.Post, "/api/experiments", brand, Declaration(campaign, "random", seed: 42));
        var unseeded = await service.ReadAsync(HttpMethod.Post, "/api/experiments", brand, Declaration(campaign, "random"));
        var id = seeded.GetProperty("id").GetGuid();

        var urls = Enumerable.Range(0, 6).Select(i => $"https://www.tiktok.com/@jane/video/73000000000000000{i:D2}").ToList();
        var posts = new List<JsonElement>();
        foreach (var url in urls)
        {
            posts.Add(await service.ReadAsync(HttpMethod.Post, "/api/posts", brand, Post(enrollment, url, "tiktok", "short_video", experimentId: id)));
        }

        var chosen = await service.SendAsync(HttpMethod.Post, "/api/posts", brand, Post(enrollment, Reel, experimentId: id, variant: "story"));

        Assert.Equal(42, seeded.GetProperty("seed").GetInt64());
        Assert.True(unseeded.GetProperty("seed").GetInt64() >= 0); // generated, and recorded
        // The draw, redone here: SHA-256(seed as 8 bytes big-endian ‖ post id big-endian), first 8 bytes mod 2, in the declared order.
        Assert.All(posts, p => Assert.Equal(Draw(42, p.GetProperty("id").GetGuid(), ["story", "reel"]), p.GetProperty("variant").GetString()));
        Assert.Equal(["variant"], await chosen.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_bad_declaration_is_named_field_by_field_and_an_ended_experiment_takes_no_posts()
    {
        var (brand, campaign, enrollment, _) = await service.ActiveEnrollmentAsync();
        var bad = await service.SendAsync(HttpMethod.Post, "/api/experiments", brand, new
        {
            campaignId = campaign, name = "", variants = new[] { new { key = "Bad Key!", name = "x" }, new { key = "Bad Key!", name = "" } },
            control = "nope", assignment = "brand", seed = 7, significanceLevel = 0.5m,
        });
        var unknownCampaign = await service.SendAsync(HttpMethod.Post, "/api/experiments", brand, Declaration(Guid.CreateVersion7()));
        var experiment = (await service.ReadAsync(HttpMethod.Post, "/api/experiments", brand, Declaration(campaign))).GetProperty("id").GetGuid();
        var ended = await service.ReadAsync(HttpMethod.Post, $"/api/experiments/{experiment}/end", brand);
        var endedAgain = await service.SendAsync(HttpMethod.Post, $"/api/experiments/{experiment}/end", brand);
        var late = await service.SendAsync(HttpMethod.Post, "/api/posts", brand, Post(enrollment, Reel, experimentId: experiment, variant: "reel"));
        var stray = await service.SendAsync(HttpMethod.Post, "/api/posts", brand, Post(enrollment, Reel, variant: "reel"));
        var badList = await service.SendAsync(HttpMethod.Get, "/api/experiments?status=paused&limit=0", brand);
        var unknownEnd = await service.SendAsync(HttpMethod.Post, $"/api/experiments/{Guid.CreateVersion7()}/end", brand);

        Assert.Equal(["control", "name", "seed", "significanceLevel", "variants", "variants[0].key", "variants[1].key", "variants[1].name"], await bad.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownCampaign.StatusCode);
        Assert.Equal(("ended", "ended"), (ended.GetProperty("status").GetString(), ended.GetProperty("endReason").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, endedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(["variant"], await stray.ErrorFieldsAsync());
        Assert.Equal(["limit", "status"], await badList.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownEnd.StatusCode);
        Assert.Equal(0, await service.QueryAsync(brand, db => db.Posts.CountAsync()));
    }

    [Fact]
    public async Task Ending_a_campaign_ends_its_running_experiments_with_an_event_each()
    {
        var (brand, campaign, _, _) = await service.ActiveEnrollmentAsync();
        var first = (await service.ReadAsync(HttpMethod.Post, "/api/experiments", brand, Declaration(campaign))).GetProperty("id").GetGuid();
        var second = (await service.ReadAsync(HttpMethod.Post, "/api/experiments", brand, Declaration(campaign, "random"))).GetProperty("id").GetGuid();
        await service.ReadAsync(HttpMethod.Post, $"/api/experiments/{first}/end", brand);

        await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/end", brand);
        var list = await service.ReadAsync(HttpMethod.Get, $"/api/experiments?campaignId={campaign}&status=ended", brand);

        Assert.Equal([second, first], list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        Assert.Equal("campaign_ended", list.GetProperty("items")[0].GetProperty("endReason").GetString());
        Assert.Equal(2, (await service.EventsAsync(brand)).Count(e => e.MessageType.Contains(".ExperimentEnded", StringComparison.Ordinal)));
    }

    private static string Draw(long seed, Guid post, string[] variants)
    {
        var input = new byte[24];
        BinaryPrimitives.WriteInt64BigEndian(input, seed);
        post.TryWriteBytes(input.AsSpan(8), bigEndian: true, out _);
        return variants[(int)(BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(input)) % (ulong)variants.Length)];
    }
}
