namespace AmbassadorNet.Contracts.Tracking;

/// <summary>
/// The clicks of one brand that the tracking service stored in one batch (one database transaction),
/// counted per link and UTC day. Each click is counted in exactly one ClicksCounted event; the rows
/// themselves are read from <c>GET /api/clicks?batchId=</c> while the brand's click retention keeps them.
/// Replaces <see cref="ClicksRecorded"/>, which listed every click (decision 0032).
/// </summary>
/// <param name="BatchId">Unique per event and stored on each of its clicks; a consumer can use it (or the message id) to deduplicate.</param>
/// <param name="Counts">One entry per (link, post, UTC day) of the batch.</param>
public sealed record ClicksCounted(Guid BrandId, DateTimeOffset OccurredAt, Guid BatchId, IReadOnlyList<ClickCount> Counts) : IIntegrationEvent;

/// <summary>The clicks of one link on one UTC day within a batch.</summary>
/// <param name="Clicks">Every stored click, bots and duplicates included.</param>
/// <param name="UniqueClicks">Neither bot nor duplicate.</param>
/// <param name="BotClicks">HEAD requests, crawler or link-preview user agents.</param>
/// <param name="DuplicateClicks">The same visitor (keyed IP hash) clicked the same link within the duplicate window (bots included).</param>
/// <param name="AttributableClicks">Clicks made while the campaign and the enrollment were running: those an order can be attributed to.</param>
/// <param name="FirstClickedAt">The earliest click counted here.</param>
/// <param name="LastClickedAt">The latest click counted here.</param>
/// <param name="PostId">The post whose link was clicked, when the link is a post's.</param>
public sealed record ClickCount(
    Guid LinkId, Guid EnrollmentId, Guid CampaignId, Guid CreatorId, DateOnly Day,
    int Clicks, int UniqueClicks, int BotClicks, int DuplicateClicks, int AttributableClicks,
    DateTimeOffset FirstClickedAt, DateTimeOffset LastClickedAt, Guid? PostId = null);
