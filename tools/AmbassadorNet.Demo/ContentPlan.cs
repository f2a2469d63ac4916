namespace AmbassadorNet.Demo;

/// <summary>
/// A post the demo will record: on the creator's own platform (so the post carries their followers
/// there and the engagement rate has a basis), published <see cref="Age"/> before the step starts.
/// <see cref="Snapshots"/> are the times after publishing at which the platform's counts are read.
/// </summary>
public sealed record PlannedPost(
    int Index, Enrolled Enrollment, string Platform, string Format, string Url, TimeSpan Age, bool PromoCode, bool PaidPartnership, string Caption,
    PostCurve Curve, TimeSpan[] Snapshots);

/// <summary>
/// Where a post's lifetime counts end up and how fast they get there: most of a post's views come in
/// its first days, so the counts follow 1 − e^(−t/τ). Counts a platform does not report are null.
/// </summary>
public sealed record PostCurve(long Views, long? Reach, long Likes, long Comments, long Shares, long? Saves, double SettleDays)
{
    public MetricCounts At(TimeSpan sincePublished)
    {
        var share = 1 - Math.Exp(-Math.Max(0, sincePublished.TotalDays) / SettleDays);
        long Part(long total) => (long)Math.Round(total * share);
        return new MetricCounts(Part(Views), Reach is { } r ? Part(r) : null, Part(Likes), Part(Comments), Part(Shares), Saves is { } s ? Part(s) : null);
    }
}

public sealed record MetricCounts(long Views, long? Reach, long Likes, long Comments, long Shares, long? Saves);

/// <summary>A visit through a post's own link.</summary>
public sealed record PlannedPostClick(int Post, string UserAgent);

/// <summary>An order from a post's audience: by the post's promo code (placed some time since publishing) or naming a click on its link (placed now).</summary>
public sealed record PlannedPostOrder(string OrderId, int Post, int? Click, decimal Amount, double AgeShare);

/// <summary>
/// A product box. The days count back from the day the post went live when the gift is for a post,
/// else from today; no shipped day: still only recorded; no delivered day: still on its way.
/// </summary>
public sealed record PlannedGift(Enrolled Enrollment, int? Post, string Product, string Sku, int Quantity, decimal UnitValue, int? ShippedDaysBefore, int? DeliveredDaysBefore);

public sealed record ContentPlan(List<PlannedPost> Posts, List<PlannedPostClick> Clicks, List<PlannedPostOrder> Orders, List<PlannedGift> Gifts);

/// <summary>Posts, their metrics, their audience's visits and orders, and gifts, drawn from the seeded source before anything is sent.</summary>
public static class ContentPlans
{
    public const int Creators = 24;
    public const int Gifts = 11;

    private const string IdChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private static readonly string[] Captions =
    [
        "Dinner in 10 minutes, all plants #ad", "My go-to after a long run #ad", "Three ways with the new protein mix #ad",
        "Honest review: a week of Verdant meals #ad", "What I eat in a day (plant-based) #ad",
    ];

    private static readonly (string Product, string Sku, decimal UnitValue)[] Boxes =
    [
        ("Plant protein starter box", "VF-BOX-PROTEIN", 39.90m), ("Ready-in-10 meal box", "VF-BOX-MEALS", 54.00m), ("Smoothie blends sampler", "VF-BOX-SMOOTHIE", 24.50m),
    ];

    /// <param name="enrolled">The always-on campaign's enrollments, in the demo's fixed order.</param>
    public static ContentPlan Draw(Random random, IReadOnlyList<Enrolled> enrolled, int clicks, int orders)
    {
        var creators = enrolled.ToList();
        for (var i = 0; i < creators.Count; i++) // Fisher–Yates: a seeded sample of the programme
        {
            var j = i + random.Next(creators.Count - i);
            (creators[i], creators[j]) = (creators[j], creators[i]);
        }

        creators = creators.Take(Creators).ToList();
        var urls = new HashSet<string>(StringComparer.Ordinal);
        var posts = new List<PlannedPost>();
        foreach (var creator in creators)
        {
            var count = 1 + random.Next(3);
            for (var n = 0; n < count; n++)
            {
                posts.Add(Post(random, posts.Count, creator, urls));
            }
        }

        // Visits go to posts by their audience (square root of views: a big post's link is clicked less per view);
        // one visit in ten, drawn without repeats, buys. Orders by promo code: a few per post that has one.
        var postClicks = new List<PlannedPostClick>();
        var pick = Traffic.Weighted(posts, p => Math.Sqrt(p.Curve.Views));
        for (var i = 0; posts.Count > 0 && i < clicks / 10; i++)
        {
            postClicks.Add(new PlannedPostClick(pick(random).Index, Traffic.Browsers[random.Next(Traffic.Browsers.Length)]));
        }

        var postOrders = new List<PlannedPostOrder>();
        string NextId() => $"SO-{200_000 + postOrders.Count}"; // above the shop's own SO-1xxxxx orders
        var buying = Enumerable.Range(0, postClicks.Count).ToArray();
        for (var i = 0; i < postClicks.Count / 10; i++)
        {
            var j = i + random.Next(buying.Length - i);
            (buying[i], buying[j]) = (buying[j], buying[i]);
            postOrders.Add(new PlannedPostOrder(NextId(), postClicks[buying[i]].Post, buying[i], Amount(random), 0));
        }

        foreach (var post in posts.Where(p => p.PromoCode))
        {
            for (var n = random.Next(Math.Max(1, orders / 200) + 1); n > 0; n--)
            {
                postOrders.Add(new PlannedPostOrder(NextId(), post.Index, null, Amount(random), random.NextDouble() * 0.95));
            }
        }

        return new ContentPlan(posts, postClicks, postOrders, GiftsFor(random, creators, posts));
    }

    private static PlannedPost Post(Random random, int index, Enrolled enrollment, HashSet<string> urls)
    {
        var creator = enrollment.Creator;
        var roll = random.NextDouble();
        var format = creator.Platform switch
        {
            "instagram" => roll < 0.5 ? "reel" : roll < 0.75 ? "story" : "carousel",
            "youtube" => roll < 0.5 ? "long_video" : "short_video",
            _ => "short_video",
        };
        string url;
        do
        {
            url = (creator.Platform, format) switch
            {
                ("instagram", "reel") => $"https://www.instagram.com/reel/{Id(random, 11)}/",
                ("instagram", "carousel") => $"https://www.instagram.com/p/{Id(random, 11)}/",
                ("instagram", _) => $"https://www.instagram.com/stories/{creator.Handle}/{Digits(random, 19)}/",
                ("tiktok", _) => $"https://www.tiktok.com/@{creator.Handle}/video/{Digits(random, 19)}",
                (_, "long_video") => $"https://www.youtube.com/watch?v={Id(random, 11)}",
                _ => $"https://www.youtube.com/shorts/{Id(random, 11)}",
            };
        }
        while (!urls.Add(url));

        // A story lives a day, so it is read once, at about 20 hours, and is at least a day old.
        // Other posts are read a day after publishing, then every two to four days.
        var story = format == "story";
        var age = TimeSpan.FromHours(story ? 24 + random.Next(26 * 24) : 6 + random.Next(27 * 24 - 6));
        var snapshots = new List<TimeSpan>();
        for (var at = TimeSpan.FromHours(story ? 20 : 24 + random.Next(6)); at < age; at += TimeSpan.FromHours((24 * (2 + random.Next(3))) + random.Next(6)))
        {
            snapshots.Add(at);
            if (story)
            {
                break;
            }
        }

        return new PlannedPost(index, enrollment, creator.Platform, format, url, age, random.NextDouble() < 1.0 / 3, random.NextDouble() < 0.85,
            Captions[random.Next(Captions.Length)], Curve(random, creator, format), [.. snapshots]);
    }

    /// <summary>Final counts from the creator's followers: views per follower by format, engagement per view, reach on Instagram only, saves where the platform has them.</summary>
    internal static PostCurve Curve(Random random, CreatorPlan creator, string format)
    {
        var (from, to) = format switch
        {
            "story" => (0.05, 0.15),
            "carousel" => (0.2, 0.6),
            "long_video" => (0.1, 0.5),
            "reel" => (0.3, 1.5),
            _ => (0.3, 2.5), // short videos travel furthest beyond the followers
        };
        var views = (long)Math.Round(creator.Followers * Lerp(from, to, random.NextDouble()));
        var likes = (long)Math.Round(views * Lerp(0.03, 0.09, random.NextDouble()));
        var comments = (long)Math.Round(likes * Lerp(0.02, 0.06, random.NextDouble()));
        var shares = (long)Math.Round(views * Lerp(0.002, 0.01, random.NextDouble()));
        var saves = (long)Math.Round(views * Lerp(0.003, 0.015, random.NextDouble()));
        var reach = (long)Math.Round(views * Lerp(0.6, 0.85, random.NextDouble()));
        var settle = format == "long_video" ? Lerp(4, 8, random.NextDouble()) : Lerp(1.5, 4, random.NextDouble());
        return new PostCurve(views, creator.Platform == "instagram" ? reach : null, likes, comments, shares, creator.Platform == "youtube" ? null : saves, settle);
    }

    /// <summary>
    /// Product boxes to the sampled creators: the first five for their first post (shipped two to six days
    /// before it went live, delivered one to four days later but by that day: seeding comes before the
    /// post), the next four shipped in the last three weeks (delivered one to four days later unless that
    /// is still ahead), one shipped today or yesterday (on its way), the last one only recorded.
    /// </summary>
    private static List<PlannedGift> GiftsFor(Random random, List<Enrolled> creators, List<PlannedPost> posts)
    {
        var gifts = new List<PlannedGift>();
        for (var i = 0; i < Math.Min(Gifts, creators.Count); i++)
        {
            var (product, sku, value) = Boxes[random.Next(Boxes.Length)];
            var quantity = random.NextDouble() < 0.2 ? 2 : 1;
            var forPost = i < 5;
            int? shipped = forPost ? 2 + random.Next(5) : i < Gifts - 2 ? 1 + random.Next(20) : i == Gifts - 2 ? random.Next(2) : null;
            var delivered = i == Gifts - 2 ? null : shipped - (1 + random.Next(4));
            gifts.Add(new PlannedGift(creators[i], forPost ? posts.First(p => p.Enrollment == creators[i]).Index : null, product, sku, quantity, value,
                shipped, forPost ? Math.Max(0, delivered!.Value) : delivered >= 0 ? delivered : null));
        }

        return gifts;
    }

    internal static decimal Amount(Random random) => Math.Round((decimal)Math.Exp(Math.Log(18) + (random.NextDouble() * Math.Log(240.0 / 18))), 2);

    internal static string Id(Random random, int length) => new([.. Enumerable.Range(0, length).Select(_ => IdChars[random.Next(IdChars.Length)])]);

    internal static string Digits(Random random, int length) => (1 + random.Next(9)) + new string([.. Enumerable.Range(1, length - 1).Select(_ => (char)('0' + random.Next(10)))]);

    private static double Lerp(double from, double to, double t) => from + ((to - from) * t);
}
