namespace Creators.Tests;

/// <summary>Request bodies for tests: a believable creator, varied by a number so emails and handles stay unique.</summary>
public static class Applicants
{
    public static object Creator(
        int n, string country = "US", string[]? niches = null, string platform = "instagram", long followers = 5_000, long likes = 200, long comments = 20,
        string? name = null) => new
    {
        displayName = name ?? $"Creator {n}",
        email = $"creator{n}@example.com",
        country,
        niches = niches ?? ["fitness"],
        socialAccounts = new[] { new { platform, handle = $"@creator_{n}", url = $"https://example.com/creator_{n}", followers, averageLikes = likes, averageComments = comments, averageViews = 1000 } },
    };

    public static object Stats(string platform, string handle, long followers, long likes = 0, long comments = 0, DateTimeOffset? measuredAt = null) =>
        new { platform, handle, followers, averageLikes = likes, averageComments = comments, averageViews = 0, measuredAt };
}
