using System.Collections.Concurrent;

namespace AmbassadorNet.Demo;

/// <summary>
/// A content experiment the demo runs on the always-on campaign: its variants with the share of visits
/// that buy through their posts (the demo decides the outcome, so the report has a story to tell),
/// how posts are assigned, and how many posts and visits each gets.
/// </summary>
public sealed record PlannedExperiment(
    string Name, string Hypothesis, string Assignment, long? Seed, (string Key, string Name, string Format, double BuyRate)[] Variants, int Posts, int ClicksPerPost);

/// <summary>An experiment as declared, and how many orders its posts brought (the report waits for them).</summary>
public sealed record RunExperiment(Guid Id, string Name, int Orders);

/// <summary>
/// Two experiments on the always-on campaign, through the public API: "Reels or stories?" (the brand
/// assigns; reels' visitors buy three times as often: a clear winner) and "Does a repost on the
/// brand's account sell more?" (assigned at random with a recorded seed; both sides buy alike: no
/// winner). Visits go through each post's own link; the buyers are drawn from the seeded source.
/// </summary>
public sealed partial class Seeder
{
    private static readonly PlannedExperiment[] PlannedExperiments =
    [
        new("Reels or stories?", "A reel sells more than a story.", "brand", null,
            [("story", "Stories", "story", 0.04), ("reel", "Reels", "reel", 0.12)], Posts: 10, ClicksPerPost: 60),
        new("Does a repost on the brand's account sell more?", "Reposting a creator's reel on the brand's account lifts its orders.", "random", 20_261_206,
            [("organic", "Creator's account only", "reel", 0.08), ("reposted", "Reposted by the brand", "reel", 0.08)], Posts: 10, ClicksPerPost: 60),
    ];

    private async Task<List<RunExperiment>> ExperimentsAsync(Keys keys, Campaign campaign, List<Enrolled> enrolled, ConcurrentDictionary<string, Posted> posted)
    {
        var creators = enrolled.Where(e => e.Campaign == 0 && e.Creator.Platform == "instagram").ToList();
        if (creators.Count == 0)
        {
            Step("no experiments: no instagram creator accepted the always-on campaign");
            return [];
        }

        var run = new List<RunExperiment>();
        foreach (var (plan, number) in PlannedExperiments.Select((p, i) => (p, i)))
        {
            var declared = await keys.Manager.PostAsync("/api/experiments", new
            {
                campaignId = campaign.Id, name = plan.Name, hypothesis = plan.Hypothesis, control = plan.Variants[0].Key, assignment = plan.Assignment,
                seed = plan.Seed, significanceLevel = 0.05m, variants = plan.Variants.Select(v => new { key = v.Key, name = v.Name }),
            });
            var id = declared.GetProperty("id").GetGuid();
            var posts = await ExperimentPostsAsync(keys.Manager, plan, id, creators);
            var orders = await ExperimentTrafficAsync(keys, plan, posts, posted, number);
            run.Add(new RunExperiment(id, plan.Name, orders));
            Step($"experiment \"{plan.Name}\" ({plan.Assignment} assignment{(plan.Seed is { } s ? $", seed {s}" : "")}): " +
                 string.Join(", ", plan.Variants.Select(v => $"{v.Key} {posts.Count(p => p.Variant == v.Key)} posts")) +
                 $", {posts.Count * plan.ClicksPerPost} visits, {orders} orders");
        }

        return run;
    }

    private sealed record ExperimentPost(RecordedPost Post, string Variant);

    /// <summary>Brand assignment alternates the variants; random assignment leaves the variant to the service's seeded draw.</summary>
    private async Task<List<ExperimentPost>> ExperimentPostsAsync(ApiClient manager, PlannedExperiment plan, Guid experimentId, List<Enrolled> creators)
    {
        var now = DateTimeOffset.UtcNow;
        var posts = new List<ExperimentPost>();
        for (var i = 0; i < plan.Posts; i++)
        {
            var enrollment = creators[_random.Next(creators.Count)];
            var chosen = plan.Assignment == "brand" ? plan.Variants[i % plan.Variants.Length] : plan.Variants[0];
            var url = chosen.Format == "story"
                ? $"https://www.instagram.com/stories/{enrollment.Creator.Handle}/{ContentPlans.Digits(_random, 19)}/"
                : $"https://www.instagram.com/reel/{ContentPlans.Id(_random, 11)}/";
            var age = TimeSpan.FromHours(30 + _random.Next(9 * 24));
            var recorded = await manager.PostAsync("/api/posts", new
            {
                enrollmentId = enrollment.EnrollmentId, platform = "instagram", format = chosen.Format, url, publishedAt = now - age, language = "en",
                caption = "Tried the new plant protein range #ad", paidPartnershipLabel = true, experimentId,
                variant = plan.Assignment == "brand" ? chosen.Key : null,
            });
            var planned = new PlannedPost(i, enrollment, "instagram", chosen.Format, url, age, false, true, "", ContentPlans.Curve(_random, enrollment.Creator, chosen.Format), []);
            posts.Add(new ExperimentPost(new RecordedPost(recorded.GetProperty("id").GetGuid(), now - age, planned), recorded.GetProperty("variant").GetString()!));
        }

        return posts;
    }

    /// <summary>Each post's visits through its own link; of each variant's visits, exactly its buy rate's share (drawn at random) orders.</summary>
    private async Task<int> ExperimentTrafficAsync(Keys keys, PlannedExperiment plan, List<ExperimentPost> posts, ConcurrentDictionary<string, Posted> posted, int number)
    {
        var (links, _) = await PostCodesAsync(keys.Manager, [.. posts.Select(p => p.Post)]);
        // Every visit is a visitor of its own, so each counts as a unique click (experiment 1's visitors are 1–600, experiment 2's 10,001–10,600).
        var clicks = posts.SelectMany(p => Enumerable.Range(0, plan.ClicksPerPost).Select(_ => (p.Variant, Click: new PlannedClick(
            p.Post.Plan.Enrollment with { LinkCode = links[p.Post.Plan.Index] }, Traffic.Browsers[_random.Next(Traffic.Browsers.Length)], Head: false, Crawler: false)))).ToList();
        clicks = [.. clicks.Select((c, i) => (c.Variant, c.Click with { Visitor = (number * 10_000) + i + 1 }))];
        var clickIds = await ClickAsync([.. clicks.Select(c => c.Click)], keys.Operator);
        var orders = new List<PlannedOrder>();
        foreach (var variant in plan.Variants)
        {
            var visits = clicks.Select((c, i) => (c, i)).Where(x => x.c.Variant == variant.Key).Select(x => x.i).OrderBy(_ => _random.Next()).ToList();
            foreach (var click in visits.Take((int)Math.Round(visits.Count * variant.BuyRate)))
            {
                orders.Add(new PlannedOrder($"SO-{300_000 + (number * 10_000) + orders.Count}", OrderKind.Click, clicks[click].Click.Enrollment, click,
                    ContentPlans.Amount(_random), TimeSpan.Zero, Refund: null));
            }
        }

        foreach (var (orderId, answer) in await OrderAsync(keys.Partner, orders, clickIds))
        {
            posted[orderId] = answer;
        }

        return orders.Count;
    }
}
