using System.Text.RegularExpressions;

namespace AmbassadorNet.Campaigns.Domain.Posts;

/// <summary>
/// Checks a post's URL against its platform and writes it in one canonical form, so the same post
/// shared in another way (www or not, with a share tracker, a fragment, a trailing slash; a YouTube
/// short as a watch link; an Instagram reel under /reels/; a tweet on twitter.com) is recognised as one.
/// </summary>
public static partial class PostUrls
{
    public const int MaxLength = 2000;

    /// <summary>Query parameters that say how a link was shared, not what it points to.</summary>
    private static readonly HashSet<string> SharingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "igsh", "igshid", "si", "feature", "s", "t", "ref", "ref_src", "ref_url", "mibextid", "share_id", "_r", "_t", "fbclid", "gclid",
    };

    /// <summary>Platforms whose post is named by its path alone: any query is how it was shared.</summary>
    private static readonly HashSet<string> PathOnly = new(StringComparer.Ordinal) { "instagram", "tiktok", "x", "pinterest", "twitch" };

    /// <returns>The canonical URL, or null with <paramref name="problem"/> saying what is wrong.</returns>
    public static string? Check(string? text, PostPlatform platform, out string problem)
    {
        problem = $"The https URL of the post on {platform.Name}, such as {platform.Example}.";
        if (text is null || text.Trim().Length > MaxLength || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(url.UserInfo) || !url.IsDefaultPort)
        {
            return null;
        }

        if (!platform.Accepts(url) || (platform.Name == "blog" && Platforms.IsOtherPlatformsHost(url.Host)))
        {
            return null;
        }

        return Canonical(url);
    }

    /// <summary>
    /// Lower-case host without www/m/mobile/web, no fragment, no trailing slash, no sharing parameters;
    /// then the platform's own form, found by the host.
    /// </summary>
    public static string Canonical(Uri url)
    {
        var host = UiPrefix().Replace(url.Host.ToLowerInvariant(), "");
        var platform = Platforms.OfHost(url.Host);
        var path = url.AbsolutePath.Length > 1 ? url.AbsolutePath.TrimEnd('/') : url.AbsolutePath;
        if (platform == "youtube" && YoutubeVideo(url, path) is { } video)
        {
            return $"https://youtube.com/watch?v={video}";
        }

        (host, path) = platform switch
        {
            "instagram" => (host, ReelsPath().Replace(path, "/reel/")),
            "x" => ("x.com", path),
            _ => (host, path),
        };
        var kept = platform is not null && PathOnly.Contains(platform)
            ? []
            : url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(pair => pair.Split('=')[0] is var name && !SharingParameters.Contains(name) && !name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase))
                .ToList();
        return $"https://{host}{path}{(kept.Count > 0 ? "?" + string.Join('&', kept) : "")}";
    }

    /// <summary>The 11-character video id of a watch, shorts, live or youtu.be link.</summary>
    private static string? YoutubeVideo(Uri url, string path)
    {
        var watched = url.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).FirstOrDefault(p => p is ["v", _])?[1];
        var id = path == "/watch" ? watched : VideoPath().Match(path) is { Success: true } m ? m.Groups["id"].Value : null;
        return id is not null && VideoId().IsMatch(id) ? id : null;
    }

    [GeneratedRegex("^(www|m|mobile|web)\\.")]
    private static partial Regex UiPrefix();

    [GeneratedRegex("^/reels/")]
    private static partial Regex ReelsPath();

    [GeneratedRegex("^/((shorts|live)/)?(?<id>[A-Za-z0-9_-]{11})$")]
    private static partial Regex VideoPath();

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex VideoId();
}
