namespace AmbassadorNet.Contracts.Tracking;

/// <summary>
/// The clicks of one brand that the tracking service stored in one batch (one database transaction).
/// Each click appears in exactly one ClicksRecorded event. No raw IP address ever leaves the service.
/// Retired: <see cref="ClicksCounted"/> counts a batch instead of listing it (decision 0032); nothing
/// publishes this type since then.
/// </summary>
/// <param name="BatchId">Unique per event; a consumer can use it (or the message id) to deduplicate.</param>
[RetiredEvent(typeof(ClicksCounted))]
public sealed record ClicksRecorded(Guid BrandId, DateTimeOffset OccurredAt, Guid BatchId, IReadOnlyList<RecordedClick> Clicks) : IIntegrationEvent;

/// <param name="ClickId">UUIDv7; the <c>amb_cid</c> the visitor carried to the shop.</param>
/// <param name="IsBot">A HEAD request, or a crawler or link-preview user agent.</param>
/// <param name="IsDuplicate">The same visitor (keyed IP hash) clicked the same link within the duplicate window.</param>
/// <param name="IsAttributable">False when the campaign had ended or the enrollment was over at the time of the click.</param>
/// <param name="PostId">The post whose link was clicked, when the link is a post's.</param>
public sealed record RecordedClick(
    Guid ClickId, Guid LinkId, Guid EnrollmentId, Guid CampaignId, Guid CreatorId, DateTimeOffset ClickedAt,
    bool IsBot, bool IsDuplicate, bool IsAttributable, Guid? PostId = null);
