namespace AmbassadorNet.Contracts.Campaigns;

/// <summary>
/// A creator's published content for a campaign. <see cref="Platform"/>: instagram, tiktok,
/// youtube, x, facebook, pinterest, twitch, blog (more may be added). <see cref="Format"/>: reel,
/// story, short_video, long_video, feed_post, carousel, live, article. <see cref="Url"/> and
/// <see cref="Caption"/> are null once the creator is erased. <see cref="CreatorFollowers"/> is the
/// creator's audience on the platform when the post was recorded (null when unknown): the divisor
/// of the post's engagement rate when the platform reports no views. <see cref="ExperimentId"/> and
/// <see cref="Variant"/>: the experiment of its campaign the post takes part in and its variant's key
/// (both null when none). <see cref="DisclosureStatus"/>: disclosed or missing as checked when the post
/// was recorded (added later: null from publishers that predate it; a later override is
/// <see cref="PostDisclosureOverridden"/>).
/// </summary>
public sealed record PostState(
    Guid PostId,
    Guid EnrollmentId,
    Guid CampaignId,
    Guid CreatorId,
    Guid? DeliverableId,
    string Platform,
    string Format,
    string? Url,
    DateTimeOffset PublishedAt,
    string Language,
    string Market,
    string? Caption,
    bool PaidPartnershipLabel,
    long? CreatorFollowers,
    Guid? ExperimentId = null,
    string? Variant = null,
    string? DisclosureStatus = null);

/// <summary>
/// A post was recorded. Tracking issues the post its own link when <see cref="TrackingLinkRequested"/>
/// and its own promo code when <see cref="PromoCodeRequested"/>; orders through either count for
/// this post, its enrollment and its creator.
/// </summary>
public sealed record PostRecorded(
    Guid BrandId, DateTimeOffset OccurredAt, Guid PostId, long Version, PostState Post, bool TrackingLinkRequested, bool PromoCodeRequested) : IReplicatedState;

/// <summary>A post's lifetime counts as the platform reported them; null: not reported.</summary>
public sealed record PostMetricCounts(long? Views, long? Reach, long? Likes, long? Comments, long? Shares, long? Saves);

/// <summary>
/// A post's snapshot of <see cref="Day"/> (UTC) changed: <see cref="Lifetime"/> are its lifetime counts
/// measured at <see cref="MeasuredAt"/>. A day keeps its latest snapshot, so a consumer keeps, per post
/// and day, the event with the latest <see cref="MeasuredAt"/> (the greater counts on a tie); a
/// snapshot that is older or repeated publishes nothing. A day's increment is its lifetime counts
/// minus the previous day's with a snapshot.
/// </summary>
public sealed record PostMetricsRecorded(
    Guid BrandId, DateTimeOffset OccurredAt, Guid PostId, Guid EnrollmentId, Guid CampaignId, Guid CreatorId, DateOnly Day, DateTimeOffset MeasuredAt,
    PostMetricCounts Lifetime) : IIntegrationEvent;
