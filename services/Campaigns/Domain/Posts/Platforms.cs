using System.Text.RegularExpressions;
using static AmbassadorNet.Campaigns.Domain.Posts.PostFormat;

namespace AmbassadorNet.Campaigns.Domain.Posts;

/// <summary>
/// The platforms posts can be recorded for. Adding one is one entry here (its name is what the API
/// and events carry); the blog entry takes any https site that is not one of the others.
/// </summary>
public static partial class Platforms
{
    public static IReadOnlyList<PostPlatform> All { get; } =
    [
        new("instagram", InstagramHost(), InstagramPath(), [Reel, Story, FeedPost, Carousel, Live], "https://www.instagram.com/reel/C0abc123XYZ/"),
        new("tiktok", TiktokHost(), TiktokPath(), [ShortVideo, Story, Carousel, Live], "https://www.tiktok.com/@handle/video/7301234567890123456"),
        new("youtube", YoutubeHost(), YoutubePath(), [ShortVideo, LongVideo, Live], "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        new("x", XHost(), XPath(), [FeedPost, ShortVideo, LongVideo, Live], "https://x.com/handle/status/1790000000000000000"),
        new("facebook", FacebookHost(), AnyPath(), [Reel, Story, FeedPost, Carousel, ShortVideo, LongVideo, Live], "https://www.facebook.com/reel/1234567890"),
        new("pinterest", PinterestHost(), PinterestPath(), [FeedPost, Carousel, ShortVideo], "https://www.pinterest.com/pin/123456789012345678/"),
        new("twitch", TwitchHost(), TwitchPath(), [Live, LongVideo, ShortVideo], "https://www.twitch.tv/videos/2000000000"),
        new("blog", AnyHost(), AnyPath(), [Article], "https://www.example-blog.com/2026/12/my-review"),
    ];

    private static readonly Dictionary<string, PostPlatform> ByName = All.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public static string Names { get; } = string.Join(", ", All.Select(p => p.Name));

    public static PostPlatform? Find(string? name) => name is not null && ByName.TryGetValue(name.Trim().ToLowerInvariant(), out var platform) ? platform : null;

    /// <summary>A blog is any site that is not a known platform's: an Instagram URL recorded as "blog" is a mistake.</summary>
    public static bool IsOtherPlatformsHost(string host) => OfHost(host) is not null;

    /// <summary>The known platform (not blog) whose host this is; null for any other site.</summary>
    public static string? OfHost(string host) => All.FirstOrDefault(p => p.Name != "blog" && p.Host.IsMatch(host))?.Name;

    [GeneratedRegex(@"^((www|m)\.)?instagram\.com$", RegexOptions.IgnoreCase)]
    private static partial Regex InstagramHost();

    [GeneratedRegex(@"^/(p|reel|reels|tv|stories/[A-Za-z0-9._]+)/[A-Za-z0-9_-]+/?(\?.*)?$")]
    private static partial Regex InstagramPath();

    [GeneratedRegex(@"^((www|m|vm|vt)\.)?tiktok\.com$", RegexOptions.IgnoreCase)]
    private static partial Regex TiktokHost();

    [GeneratedRegex(@"^/(@[A-Za-z0-9._]+/(video|photo|live)(/\d+)?|[A-Za-z0-9]{6,12})/?(\?.*)?$")]
    private static partial Regex TiktokPath();

    [GeneratedRegex(@"^(((www|m)\.)?youtube\.com|youtu\.be)$", RegexOptions.IgnoreCase)]
    private static partial Regex YoutubeHost();

    [GeneratedRegex(@"^/(watch\?(.*&)?v=[A-Za-z0-9_-]{11}|(shorts/|live/)?[A-Za-z0-9_-]{11}/?)(&.*|\?.*)?$")]
    private static partial Regex YoutubePath();

    [GeneratedRegex(@"^((www|mobile)\.)?(x|twitter)\.com$", RegexOptions.IgnoreCase)]
    private static partial Regex XHost();

    [GeneratedRegex(@"^/[A-Za-z0-9_]{1,15}/status/\d+/?(\?.*)?$")]
    private static partial Regex XPath();

    [GeneratedRegex(@"^(((www|m|web)\.)?facebook\.com|fb\.watch)$", RegexOptions.IgnoreCase)]
    private static partial Regex FacebookHost();

    [GeneratedRegex(@"^(([a-z]{2}|www)\.)?pinterest\.(com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})$|^pin\.it$", RegexOptions.IgnoreCase)]
    private static partial Regex PinterestHost();

    [GeneratedRegex(@"^/(pin/\d+|[A-Za-z0-9]{6,12})/?(\?.*)?$")]
    private static partial Regex PinterestPath();

    [GeneratedRegex(@"^((www|m|clips)\.)?twitch\.tv$", RegexOptions.IgnoreCase)]
    private static partial Regex TwitchHost();

    [GeneratedRegex(@"^/(videos/\d+|[A-Za-z0-9_]{3,25}(/clip/[A-Za-z0-9_-]+)?|[A-Za-z0-9_-]{10,100})/?(\?.*)?$")]
    private static partial Regex TwitchPath();

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$", RegexOptions.IgnoreCase)]
    private static partial Regex AnyHost();

    [GeneratedRegex(@"^/.+")]
    private static partial Regex AnyPath();
}
