namespace AmbassadorNet.Campaigns.Domain.Posts;

/// <summary>
/// Checks a post's URL against its platform and writes it in one canonical form, so the same post
/// shared twice (with a share tracker, a fragment or a trailing slash) is recognised as one.
/// </summary>
public static class PostUrls
{
    public const int MaxLength = 2000;

    /// <summary>Query parameters that say how a link was shared, not what it points to.</summary>
    private static readonly HashSet<string> SharingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "igsh", "igshid", "si", "feature", "s", "t", "ref", "ref_src", "ref_url", "mibextid", "share_id", "_r", "_t", "fbclid", "gclid",
    };

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

    /// <summary>Lower-case host, no fragment, no sharing parameters, no trailing slash.</summary>
    public static string Canonical(Uri url)
    {
        var kept = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => pair.Split('=')[0] is var name && !SharingParameters.Contains(name) && !name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var path = url.AbsolutePath.Length > 1 ? url.AbsolutePath.TrimEnd('/') : url.AbsolutePath;
        return $"https://{url.Host.ToLowerInvariant()}{path}{(kept.Count > 0 ? "?" + string.Join('&', kept) : "")}";
    }
}
