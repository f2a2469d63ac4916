using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AmbassadorNet.Demo;

/// <summary>A post as recorded: its id and what was planned for it (the report reads its figures back).</summary>
public sealed record RecordedPost(Guid Id, DateTimeOffset PublishedAt, PlannedPost Plan);

/// <summary>
/// The always-on creators' content: posts on their platforms, weeks of metrics, the visits and orders
/// the posts' own links and codes bring, and product boxes. The manager key records all of it, as the
/// brand's content tools would; the shop's orders go with the partner key like the others.
/// </summary>
public sealed partial class Seeder
{
    private async Task<List<RecordedPost>> ContentAsync(Keys keys, Campaign campaign, List<Enrolled> enrolled, ConcurrentDictionary<string, Posted> posted)
    {
        // Drawn after everything the earlier steps draw, so adding this step changed none of their choices.
        var plan = ContentPlans.Draw(_random, enrolled.Where(e => e.Campaign == 0).ToList(), options.Clicks, options.Orders);
        if (plan.Posts.Count == 0)
        {
            Step($"no posts: nobody accepted {campaign.Name}");
            return [];
        }

        var now = DateTimeOffset.UtcNow;
        var posts = await RecordPostsAsync(keys.Manager, plan.Posts, now);
        Step($"{posts.Count} posts recorded for {posts.DistinctBy(p => p.Plan.Enrollment.EnrollmentId).Count()} creators of {campaign.Name} over the last " +
             $"{(int)Math.Ceiling(plan.Posts.Max(p => p.Age).TotalDays)} days: {PlatformTally(plan.Posts)}; " +
             $"{plan.Posts.Count(p => p.PromoCode)} with a promo code of their own, a tracking link each");

        Step(await MetricsAsync(keys.Manager, posts, now));

        var (links, codes) = await PostCodesAsync(keys.Manager, posts);
        var clicks = plan.Clicks.Select(c => new PlannedClick(posts[c.Post].Plan.Enrollment with { LinkCode = links[c.Post] }, c.UserAgent, Head: false, Crawler: false)).ToList();
        var clickIds = await ClickAsync(clicks, keys.Operator);
        var orders = plan.Orders.Select(o => new PlannedOrder(
            o.OrderId, o.Click is null ? OrderKind.PromoCode : OrderKind.Click, posts[o.Post].Plan.Enrollment with { PromoCode = codes.GetValueOrDefault(o.Post) ?? "" },
            o.Click, o.Amount, posts[o.Post].Plan.Age * o.AgeShare, Refund: null)).ToList();
        var answers = await OrderAsync(keys.Partner, orders, clickIds);
        foreach (var (orderId, answer) in answers)
        {
            posted[orderId] = answer;
        }

        Step($"{clicks.Count} clicks through the posts' own links; {orders.Count} orders through the posts ({orders.Count(o => o.Kind == OrderKind.Click)} naming such a click, " +
             $"{orders.Count(o => o.Kind == OrderKind.PromoCode)} with a post's promo code): {answers.Values.Count(a => a.PostId is not null)} attributed to their post");

        Step(await GiftsAsync(keys.Manager, plan.Gifts, posts));
        return posts;
    }

    private static async Task<List<RecordedPost>> RecordPostsAsync(ApiClient manager, List<PlannedPost> plans, DateTimeOffset now)
    {
        var ids = new Guid[plans.Count];
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (p, _) =>
        {
            var created = await manager.PostAsync("/api/posts", new
            {
                enrollmentId = p.Enrollment.EnrollmentId, platform = p.Platform, format = p.Format, url = p.Url, publishedAt = now - p.Age, language = "en",
                caption = p.Caption, paidPartnershipLabel = p.PaidPartnership, promoCode = p.PromoCode,
            });
            ids[p.Index] = created.GetProperty("id").GetGuid();
        });
        return [.. plans.Select(p => new RecordedPost(ids[p.Index], now - p.Age, p))];
    }

    /// <summary>
    /// Every planned reading so far in one CSV import (as a platform export would come), then today's
    /// counts of the two newest posts (stories aside) one report each, as a tool reading a platform's API would.
    /// </summary>
    private static async Task<string> MetricsAsync(ApiClient manager, List<RecordedPost> posts, DateTimeOffset now)
    {
        var csv = new StringBuilder("post_id,measured_at,views,reach,likes,comments,shares,saves\r\n");
        var rows = 0;
        foreach (var (post, at) in posts.SelectMany(p => p.Plan.Snapshots.Select(at => (p, at))))
        {
            var c = post.Plan.Curve.At(at);
            csv.Append(CultureInfo.InvariantCulture, $"{post.Id},{post.PublishedAt + at:yyyy-MM-ddTHH:mm:ssZ},{c.Views},{c.Reach},{c.Likes},{c.Comments},{c.Shares},{c.Saves}\r\n");
            rows++;
        }

        var import = rows == 0 ? default : await manager.PostTextAsync("/api/posts/metrics/import?mode=partial", csv.ToString(), "text/csv");
        var singles = new List<string>();
        foreach (var post in posts.Where(p => p.Plan.Format != "story").OrderBy(p => p.Plan.Age).Take(2))
        {
            var c = post.Plan.Curve.At(post.Plan.Age);
            var report = await manager.PostAsync($"/api/posts/{post.Id}/metrics", new
            {
                measuredAt = now, views = c.Views, reach = c.Reach, likes = c.Likes, comments = c.Comments, shares = c.Shares, saves = c.Saves,
            });
            singles.Add($"{post.Plan.Platform} {post.Plan.Format} {c.Views} views, engagement {report.GetProperty("engagementRate")} by {report.GetProperty("engagementBasis")}");
        }

        var imported = rows == 0 ? "no readings old enough to import"
            : $"{rows} readings imported as one CSV (recorded {import.GetProperty("recorded")}, unchanged {import.GetProperty("unchanged")}, rejected {import.GetProperty("rejected")})";
        return $"post metrics: {imported}; today's counts reported one by one for the {singles.Count} newest ({string.Join("; ", singles)})";
    }

    /// <summary>Tracking issues a post's link (and promo code, when asked) once PostRecorded reaches it: wait for each.</summary>
    private static async Task<(Dictionary<int, string> Links, Dictionary<int, string> Codes)> PostCodesAsync(ApiClient manager, List<RecordedPost> posts)
    {
        var links = new ConcurrentDictionary<int, string>();
        var codes = new ConcurrentDictionary<int, string>();
        await Until(async () =>
        {
            await Parallel.ForEachAsync(posts.Where(p => !links.ContainsKey(p.Plan.Index) || (p.Plan.PromoCode && !codes.ContainsKey(p.Plan.Index))),
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (p, _) =>
                {
                    if ((await manager.GetAsync($"/api/links?postId={p.Id}")).GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } link)
                    {
                        links[p.Plan.Index] = link.GetProperty("code").GetString()!;
                    }

                    if (p.Plan.PromoCode && (await manager.GetAsync($"/api/promo-codes?postId={p.Id}")).GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } code)
                    {
                        codes[p.Plan.Index] = code.GetProperty("code").GetString()!;
                    }
                });
            return links.Count == posts.Count && codes.Count == posts.Count(p => p.Plan.PromoCode);
        }, "tracking to issue every post's link and promo code");
        return (new(links), new(codes));
    }

    /// <summary>Old shipments are recorded with their days in one request (the back office catching up); recent ones are recorded, then shipped and delivered.</summary>
    private static async Task<string> GiftsAsync(ApiClient manager, List<PlannedGift> gifts, List<RecordedPost> posts)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var shippedValue = 0m;
        foreach (var g in gifts)
        {
            var from = g.Post is { } p ? DateOnly.FromDateTime(posts[p].PublishedAt.UtcDateTime) : today;
            DateOnly? shipped = g.ShippedDaysBefore is { } s ? from.AddDays(-s) : null;
            DateOnly? delivered = g.DeliveredDaysBefore is { } d ? from.AddDays(-d) : null;
            var backfill = shipped is { } day && today.DayNumber - day.DayNumber > 7;
            var gift = await manager.PostAsync("/api/gifts", new
            {
                enrollmentId = g.Enrollment.EnrollmentId, postId = g.Post is { } i ? posts[i].Id : (Guid?)null, product = g.Product, sku = g.Sku, quantity = g.Quantity,
                unitValue = g.UnitValue, currency = "USD", shippedOn = backfill ? shipped : null, deliveredOn = backfill ? delivered : null,
            });
            var id = gift.GetProperty("id").GetGuid();
            if (!backfill && shipped is not null)
            {
                await manager.PostAsync($"/api/gifts/{id}/ship", new { on = shipped });
                if (delivered is not null)
                {
                    await manager.PostAsync($"/api/gifts/{id}/deliver", new { on = delivered });
                }
            }

            shippedValue += shipped is null ? 0 : g.Quantity * g.UnitValue;
        }

        var shippedCount = gifts.Count(g => g.ShippedDaysBefore is not null);
        var deliveredCount = gifts.Count(g => g.DeliveredDaysBefore is not null);
        return $"{gifts.Count} gifts (product boxes): {shippedCount} shipped ({deliveredCount} delivered, {shippedCount - deliveredCount} on the way), " +
               $"{gifts.Count - shippedCount} recorded and not shipped yet; {gifts.Count(g => g.Post is not null)} for a post; {shippedValue:0.00} USD shipped";
    }

    private static string PlatformTally(List<PlannedPost> posts) =>
        string.Join(", ", posts.GroupBy(p => p.Platform).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()} ({string.Join(", ", g.GroupBy(p => p.Format).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Count()} {f.Key}"))})"));
}
