using System.Net;
using System.Text.Json;
using AmbassadorNet.Contracts.Campaigns;
using Microsoft.EntityFrameworkCore;
using static Analytics.Tests.Events;

namespace Analytics.Tests;

/// <summary>
/// The experiment report over a textbook case: the control ("story") converts 30 of 200 clicks, the
/// variant ("reel") 50 of 200, five posts each. Figures are worked out in the comments.
/// </summary>
public sealed class ExperimentReportTests(AnalyticsService service) : IClassFixture<AnalyticsService>
{
    private static readonly DateOnly Start = new(2026, 7, 1);

    [Fact]
    public async Task A_variant_that_converts_better_is_significant_with_its_intervals_and_announced_once()
    {
        var w = await DeclareAsync(("story", "Stories"), ("reel", "Reels"));
        // Control posts: 40 clicks each, 2, 4, 6, 8 and 10 orders of 20.00 (30 orders, revenue 40 … 200); the reel posts 6 … 14 orders (50).
        await PublishPostsAsync(w, "story", [2, 4, 6, 8, 10]);
        await PublishPostsAsync(w, "reel", [6, 8, 10, 12, 14]);

        var report = await service.SettledAsync($"/api/analytics/experiments/{w.Experiment}/report", w.Brand);
        var again = await service.ReadAsync($"/api/analytics/experiments/{w.Experiment}/report", w.Brand);
        var (story, reel) = (report.GetProperty("variants")[0], report.GetProperty("variants")[1]);

        // Wilson at 95% (z = 1.959964, z² = 3.841459), for 30 of 200: centre (0.15 + 3.841459 / 400) / (1 + 3.841459 / 200)
        // = 0.159604 / 1.019207 = 0.156596; half-width 1.959964 × √(0.15 × 0.85 / 200 + 3.841459 / 160,000) / 1.019207
        // = 1.959964 × 0.025720 / 1.019207 = 0.049460, so (0.107136, 0.206056).
        Expect.Figures(story, ("posts", 5), ("clicks", 200), ("orders", 30), ("revenue", 600m), ("conversionRate", 0.15m),
            ("conversionRateLow", 0.107136m), ("conversionRateHigh", 0.206056m), ("revenuePerPost", 120m), ("pValue", null));
        Assert.Equal(("control", true), (story.GetProperty("comparison").GetString(), story.GetProperty("isControl").GetBoolean()));
        // 50 of 200: centre (0.25 + 0.009604) / 1.019207 = 0.254711; half-width 1.959964 × √(0.25 × 0.75 / 200 + 0.000024) / 1.019207 = 0.059630.
        // z-test: pooled p = 80 / 400 = 0.2, SE = √(0.2 × 0.8 × (1/200 + 1/200)) = 0.04, z = (0.25 − 0.15) / 0.04 = 2.5,
        // two-sided p = 2 × (1 − Φ(2.5)) = 0.012419; one comparison, so Holm leaves it; 0.012419 < 0.05: significant.
        Expect.Figures(reel, ("posts", 5), ("clicks", 200), ("orders", 50), ("revenue", 1000m), ("conversionRate", 0.25m),
            ("conversionRateLow", 0.195082m), ("conversionRateHigh", 0.314341m), ("revenuePerPost", 200m),
            ("difference", 0.1m), ("z", 2.5m), ("pValue", 0.012419m), ("adjustedPValue", 0.012419m));
        Assert.Equal("significant", reel.GetProperty("comparison").GetString());
        // The bootstrap interval of revenue per post (fixed seed, 2,000 resamples) brackets the mean and is the same on every read.
        Assert.InRange(reel.GetProperty("revenuePerPostLow").GetDecimal(), 120m, 200m);
        Assert.InRange(reel.GetProperty("revenuePerPostHigh").GetDecimal(), 200m, 280m);
        Assert.Equal(report.GetRawText(), again.GetRawText());
        Assert.Equal(2000, report.GetProperty("method").GetProperty("bootstrapResamples").GetInt32());
        Assert.StartsWith("\"Reels\" converts better than \"Stories\": 25% against 15% of clicks", report.GetProperty("conclusion").GetString(), StringComparison.Ordinal);

        // More orders later change the figures but announce nothing again.
        await PublishPostsAsync(w, "reel", [3]);
        await service.SettledAsync($"/api/analytics/experiments/{w.Experiment}/report", w.Brand);
        var announced = (await service.EventsAsync(w.Brand)).Where(e => e.MessageType.Contains("ExperimentSignificanceReached", StringComparison.Ordinal)).ToList();
        var body = JsonDocument.Parse(Assert.Single(announced).Body).RootElement;
        // It names the figures of the moment it first became significant (orders were still arriving then).
        Assert.Equal(("reel", "story"), (body.GetProperty("variant").GetString(), body.GetProperty("controlVariant").GetString()));
        Assert.True(body.GetProperty("adjustedPValue").GetDecimal() < 0.05m);
        Assert.Equal(Math.Round(body.GetProperty("variantOrders").GetDecimal() / body.GetProperty("variantClicks").GetDecimal(), 6, MidpointRounding.AwayFromZero),
            body.GetProperty("variantConversionRate").GetDecimal());
    }

    [Fact]
    public async Task Below_the_minimum_sample_the_report_says_not_enough_data_and_announces_nothing()
    {
        var w = await DeclareAsync(("story", null), ("reel", null), ("carousel", null));
        await PublishPostsAsync(w, "story", [2, 4]); // 80 clicks: under 100
        await PublishPostsAsync(w, "reel", [6, 8, 10]);

        var report = await service.SettledAsync($"/api/analytics/experiments/{w.Experiment}/report", w.Brand);
        var variants = report.GetProperty("variants").EnumerateArray().ToList();

        Assert.Equal(["control", "not_enough_data", "not_enough_data"], variants.Select(v => v.GetProperty("comparison").GetString()));
        // The rate itself is shown (6 / 80 = 0.075), its interval and the test are not; two posts get no bootstrap interval.
        Expect.Figures(variants[0], ("conversionRate", 0.075m), ("conversionRateLow", null), ("revenuePerPost", 60m), ("revenuePerPostLow", null));
        Expect.Figures(variants[2], ("posts", 0), ("clicks", 0), ("conversionRate", null), ("revenuePerPost", null), ("pValue", null));
        Assert.StartsWith("Not enough data", report.GetProperty("conclusion").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await service.EventsAsync(w.Brand), e => e.MessageType.Contains("ExperimentSignificanceReached", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_ended_experiment_counts_facts_up_to_its_last_day_and_an_unknown_one_is_not_found()
    {
        var w = await DeclareAsync(("story", null), ("reel", null));
        var posts = await PublishPostsAsync(w, "reel", [1]);
        var ended = Started(w) with { Version = 2 };
        ended = ended with { Experiment = ended.Experiment with { Status = "ended", EndedAt = At(Start.AddDays(1)), EndReason = "ended" } };
        await service.PublishAllAsync([
            new ExperimentEnded(w.Brand, At(Start.AddDays(1)), w.Experiment, 2, ended.Experiment),
            Attributed(w.Brand, Guid.CreateVersion7(), w.Campaign, w.Creator, 20m, At(Start.AddDays(3))) with { PostId = posts[0] }, // after the end
        ]);

        var report = await service.SettledAsync($"/api/analytics/experiments/{w.Experiment}/report", w.Brand);
        using var unknown = await service.SendAsync(HttpMethod.Get, $"/api/analytics/experiments/{Guid.CreateVersion7()}/report", w.Brand);

        Assert.Equal(("ended", "2026-07-02"), (report.GetProperty("status").GetString(), report.GetProperty("to").GetString()));
        Expect.Figures(report.GetProperty("variants")[1], ("orders", 1), ("revenue", 20m));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_end_that_arrives_before_its_start_and_repeated_events_leave_the_experiment_ended()
    {
        var w = new World(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), [("story", null), ("reel", null)]);
        var started = Started(w);
        var ended = new ExperimentEnded(w.Brand, At(Start.AddDays(1)), w.Experiment, 2,
            started.Experiment with { Status = "ended", EndedAt = At(Start.AddDays(1)), EndReason = "campaign_ended" });
        await service.PublishAllAsync([Campaign(w.Brand, w.Campaign), ended]);
        await service.SettledAsync($"/api/analytics/experiments/{w.Experiment}/report", w.Brand);
        await service.PublishAllAsync([started, started, ended]); // the older start, twice, and the end again

        var report = await service.SettledAsync($"/api/analytics/experiments/{w.Experiment}/report", w.Brand);

        Assert.Equal(("ended", "2026-07-02"), (report.GetProperty("status").GetString(), report.GetProperty("to").GetString()));
        Assert.Equal(1, await service.QueryAsync(w.Brand, db => db.Experiments.CountAsync()));
    }

    private sealed record World(Guid Brand, Guid Campaign, Guid Creator, Guid Experiment, IReadOnlyList<(string Key, string? Name)> Variants);

    private async Task<World> DeclareAsync(params (string Key, string? Name)[] variants)
    {
        var w = new World(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), variants);
        await service.PublishAllAsync([Campaign(w.Brand, w.Campaign), Started(w)]);
        return w;
    }

    private static ExperimentStarted Started(World w) => new(w.Brand, At(Start), w.Experiment, 1, new ExperimentState(
        w.Experiment, w.Campaign, "Reels against stories", null, [.. w.Variants.Select(v => new ExperimentVariantState(v.Key, v.Name ?? v.Key, null))],
        w.Variants[0].Key, "brand", null, 0.05m, "running", At(Start, 0), null, null));

    /// <summary>One post per entry, each with 40 unique clicks and that many orders of 20.00 on the experiment's first day.</summary>
    private async Task<List<Guid>> PublishPostsAsync(World w, string variant, int[] orders)
    {
        var posts = orders.Select(_ => Guid.CreateVersion7()).ToList();
        var events = new List<object>();
        foreach (var (post, count) in posts.Zip(orders))
        {
            events.Add(new PostRecorded(w.Brand, At(Start), post, 1, new PostState(
                post, Guid.NewGuid(), w.Campaign, w.Creator, null, "instagram", variant == "reel" ? "reel" : "story", $"https://social.example/{post}",
                At(Start, 9), "en", "US", null, true, 10_000, w.Experiment, variant), true, false));
            events.Add(Clicks(w.Brand, Repeat(40, _ => Click(w.Campaign, w.Creator, At(Start)) with { PostId = post })));
            events.AddRange(Enumerable.Range(0, count).Select(_ => Attributed(w.Brand, Guid.CreateVersion7(), w.Campaign, w.Creator, 20m, At(Start)) with { PostId = post }));
        }

        await service.PublishAllAsync(events);
        return posts;
    }
}
