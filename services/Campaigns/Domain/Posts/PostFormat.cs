namespace AmbassadorNet.Campaigns.Domain.Posts;

/// <summary>The shape of a piece of content, whatever the platform. Stored and serialised in snake_case ("short_video").</summary>
public enum PostFormat
{
    Reel,
    Story,
    ShortVideo,
    LongVideo,
    FeedPost,
    Carousel,
    Live,
    Article,
}

/// <summary>
/// Which formats fulfil a deliverable of each type: a post of one of them can be recorded against
/// the deliverable, which submits it. Live streams fulfil no deliverable type (they are recorded on
/// their own). The table is docs/services/campaigns.md's "Deliverable types and post formats".
/// </summary>
public static class DeliverableFormats
{
    private static readonly Dictionary<DeliverableType, PostFormat[]> Fulfilling = new()
    {
        [DeliverableType.Post] = [PostFormat.FeedPost, PostFormat.Carousel],
        [DeliverableType.Video] = [PostFormat.Reel, PostFormat.ShortVideo, PostFormat.LongVideo],
        [DeliverableType.Story] = [PostFormat.Story],
        [DeliverableType.Review] = [PostFormat.LongVideo, PostFormat.ShortVideo, PostFormat.Reel, PostFormat.Article],
        [DeliverableType.Blog] = [PostFormat.Article],
    };

    public static IReadOnlyList<PostFormat> Of(DeliverableType type) => Fulfilling[type];

    public static bool Fulfils(PostFormat format, DeliverableType type) => Fulfilling[type].Contains(format);
}
