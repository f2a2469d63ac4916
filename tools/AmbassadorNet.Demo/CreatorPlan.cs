namespace AmbassadorNet.Demo;

/// <summary>One creator as the demo will apply them: who they are, their main account and what happens to them.</summary>
public sealed record CreatorPlan(
    int Index, string Name, string Handle, string Email, string Country, string[] Niches, string Platform,
    long Followers, long AverageLikes, long AverageComments, long AverageViews, Decision Decision, long? GrownFollowers)
{
    /// <summary>How many visitors and shoppers this creator brings, relative to the others (audience reach, dampened).</summary>
    public double Pull => Math.Sqrt(Followers) * (AverageLikes + AverageComments) / Math.Max(1, Followers) * 100;
}

public enum Decision
{
    Approve,
    Reject,
    LeaveApplied,
}

/// <summary>
/// Believable creators from a seeded random source: the tier mix of a typical programme (mostly nano
/// and micro), followers spread log-uniformly inside each tier, engagement falling as audiences grow.
/// </summary>
public static class CreatorPlans
{
    private static readonly string[] FirstNames =
    [
        "Ava", "Ben", "Cleo", "Dev", "Elena", "Finn", "Grace", "Hugo", "Isla", "Jonah", "Kira", "Leo", "Maya", "Noah", "Olive", "Priya",
        "Quinn", "Rosa", "Sam", "Tara", "Uma", "Victor", "Wren", "Yusuf", "Zoe", "Amir", "Bea", "Caleb", "Dina", "Emil",
    ];

    private static readonly string[] LastNames =
    [
        "Green", "Okafor", "Marsh", "Patel", "Rossi", "Nakamura", "Silva", "Berg", "Dubois", "Kowalski", "Haddad", "Lund", "Moreau",
        "Novak", "Owens", "Quist", "Reyes", "Santos", "Tanaka", "Vogel",
    ];

    private static readonly string[] Niches = ["vegan", "fitness", "beauty", "travel", "parenting", "tech", "gaming", "fashion", "food", "outdoors"];
    private static readonly string[] Countries = ["US", "US", "US", "GB", "CA", "DE", "FR", "AU"];
    private static readonly string[] Platforms = ["instagram", "instagram", "tiktok", "tiktok", "youtube"];

    // (tier share, followers from, followers to, engagement from, engagement to)
    private static readonly (double Share, double From, double To, double MinRate, double MaxRate)[] Tiers =
    [
        (0.05, 300, 999, 0.06, 0.10),              // emerging
        (0.45, 1_000, 9_999, 0.04, 0.08),          // nano
        (0.35, 10_000, 99_999, 0.025, 0.05),       // micro
        (0.12, 100_000, 999_999, 0.015, 0.03),     // macro
        (0.03, 1_000_000, 4_000_000, 0.008, 0.015), // mega
    ];

    public static IReadOnlyList<CreatorPlan> Generate(Random random, int count)
    {
        var handles = new HashSet<string>(StringComparer.Ordinal);
        var plans = new List<CreatorPlan>(count);
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var handle = (first + last).ToLowerInvariant();
            for (var n = 2; !handles.Add(handle); n++)
            {
                handle = (first + last).ToLowerInvariant() + n;
            }

            var tier = PickTier(random);
            var followers = (long)Math.Round(Math.Exp(Lerp(Math.Log(tier.From), Math.Log(tier.To), random.NextDouble())));
            var rate = Lerp(tier.MinRate, tier.MaxRate, random.NextDouble());
            var interactions = followers * rate;
            var platform = Platforms[random.Next(Platforms.Length)];
            var niches = Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Niches[random.Next(Niches.Length)]).Distinct().ToArray();
            var roll = random.NextDouble();
            var decision = roll < 0.90 ? Decision.Approve : roll < 0.95 ? Decision.Reject : Decision.LeaveApplied;
            // A third report new figures after applying: most grew a little, some shrank.
            long? grown = random.NextDouble() < 0.33 ? (long)Math.Round(followers * Lerp(0.95, 1.25, random.NextDouble())) : null;
            plans.Add(new CreatorPlan(
                i, $"{first} {last}", handle, $"{handle}@creators.example.com", Countries[random.Next(Countries.Length)], niches, platform,
                followers, (long)Math.Round(interactions * 0.92), (long)Math.Round(interactions * 0.08),
                platform == "instagram" ? 0 : (long)Math.Round(followers * Lerp(0.2, 0.8, random.NextDouble())), decision, grown));
        }

        return plans;
    }

    private static (double From, double To, double MinRate, double MaxRate) PickTier(Random random)
    {
        var roll = random.NextDouble();
        foreach (var tier in Tiers)
        {
            if ((roll -= tier.Share) < 0)
            {
                return (tier.From, tier.To, tier.MinRate, tier.MaxRate);
            }
        }

        return (Tiers[^1].From, Tiers[^1].To, Tiers[^1].MinRate, Tiers[^1].MaxRate);
    }

    private static double Lerp(double from, double to, double t) => from + ((to - from) * t);
}
