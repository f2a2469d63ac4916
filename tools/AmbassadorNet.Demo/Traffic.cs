namespace AmbassadorNet.Demo;

/// <summary>An enrollment as the demo knows it after tracking issued its link and code.</summary>
public sealed record Enrolled(int Campaign, CreatorPlan Creator, Guid CreatorId, Guid EnrollmentId, string LinkCode, string PromoCode);

/// <summary>A visit to a link; <see cref="Visitor"/> numbers a distinct visitor (<see cref="Visitors"/>), null: the machine's own address.</summary>
public sealed record PlannedClick(Enrolled Enrollment, string UserAgent, bool Head, bool Crawler, int? Visitor = null);

public enum OrderKind
{
    Click,
    PromoCode,
    Unattributed,
}

/// <summary>An order the shop will post; <see cref="ClickIndex"/> points into the planned clicks.</summary>
public sealed record PlannedOrder(string OrderId, OrderKind Kind, Enrolled? Enrollment, int? ClickIndex, decimal Amount, TimeSpan Age, decimal? Refund);

/// <summary>Visitors and orders, drawn from the seeded random source before anything is sent.</summary>
public static class Traffic
{
    internal static readonly string[] Browsers =
    [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 327.0.0.0",
        "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Mobile Safari/537.36 musical_ly_2023",
    ];

    // Link previews and crawlers tracking flags as bots (docs/services/tracking.md).
    private static readonly string[] Bots =
    [
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Twitterbot/1.0",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "WhatsApp/2.23.20.0",
    ];

    public static List<PlannedClick> Clicks(Random random, IReadOnlyList<Enrolled> enrolled, int count)
    {
        var pick = Weighted(enrolled, e => e.Creator.Pull);
        var clicks = new List<PlannedClick>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            clicks.Add(roll < 0.08
                ? new PlannedClick(pick(random), Bots[random.Next(Bots.Length)], Head: false, Crawler: true)
                : roll < 0.10
                    ? new PlannedClick(pick(random), Browsers[random.Next(Browsers.Length)], Head: true, Crawler: false)
                    : new PlannedClick(pick(random), Browsers[random.Next(Browsers.Length)], Head: false, Crawler: false));
        }

        return clicks;
    }

    /// <summary>
    /// About 55% of orders name a click of the creator (those are placed now, right after the visits),
    /// 30% use the creator's promo code and 15% come from nobody, both spread over the last three weeks;
    /// about 8% are refunded, half of them in full.
    /// </summary>
    public static List<PlannedOrder> Orders(Random random, IReadOnlyList<Enrolled> enrolled, IReadOnlyList<PlannedClick> clicks, int count)
    {
        var pick = Weighted(enrolled, e => e.Creator.Pull);
        var humanClicks = clicks.Select((c, i) => (c, i)).Where(x => !x.c.Head && !x.c.Crawler)
            .GroupBy(x => x.c.Enrollment.EnrollmentId).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToList());
        var orders = new List<PlannedOrder>(count);
        for (var i = 0; i < count; i++)
        {
            var amount = Math.Round((decimal)Math.Exp(Math.Log(18) + (random.NextDouble() * Math.Log(240.0 / 18))), 2);
            var roll = random.NextDouble();
            var age = TimeSpan.FromMinutes(random.Next(1, 21 * 24 * 60));
            var refund = random.NextDouble() < 0.08 ? (random.NextDouble() < 0.5 ? amount : Math.Round(amount * 0.4m, 2)) : (decimal?)null;
            var orderId = $"SO-{100_000 + i}";
            if (roll < 0.15)
            {
                orders.Add(new PlannedOrder(orderId, OrderKind.Unattributed, null, null, amount, age, refund));
                continue;
            }

            var enrollment = pick(random);
            if (roll < 0.70 && humanClicks.TryGetValue(enrollment.EnrollmentId, out var own))
            {
                orders.Add(new PlannedOrder(orderId, OrderKind.Click, enrollment, own[random.Next(own.Count)], amount, TimeSpan.Zero, refund));
            }
            else
            {
                orders.Add(new PlannedOrder(orderId, OrderKind.PromoCode, enrollment, null, amount, age, refund));
            }
        }

        return orders;
    }

    internal static Func<Random, T> Weighted<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var cumulative = new double[items.Count];
        var total = 0.0;
        for (var i = 0; i < items.Count; i++)
        {
            cumulative[i] = total += Math.Max(0.01, weight(items[i]));
        }

        return random =>
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * total);
            return items[Math.Min(items.Count - 1, index < 0 ? ~index : index)];
        };
    }
}
