namespace AmbassadorNet.Contracts.Campaigns;

// Every deliverable event carries the deliverable's version and full state.

/// <summary>
/// A piece of content a creator owes a campaign. <see cref="Type"/>: post, video, story, review,
/// blog. <see cref="Status"/>: pending, submitted, approved, revision_requested, rejected.
/// <see cref="PostId"/>: the recorded post the content was last submitted as (null when it was
/// submitted as a bare URL, or not yet); an approved deliverable's fee counts in that post's cost.
/// </summary>
public sealed record DeliverableState(
    Guid DeliverableId,
    Guid EnrollmentId,
    Guid CampaignId,
    Guid CreatorId,
    string Type,
    DateOnly DueDate,
    string Status,
    string? SubmittedUrl,
    Guid? PostId = null);

public sealed record DeliverableAssigned(Guid BrandId, DateTimeOffset OccurredAt, Guid DeliverableId, long Version, DeliverableState Deliverable) : IReplicatedState;

public sealed record DeliverableSubmitted(Guid BrandId, DateTimeOffset OccurredAt, Guid DeliverableId, long Version, DeliverableState Deliverable) : IReplicatedState;

/// <summary>Approved content; <see cref="Fee"/> is the campaign's deliverable fee in force at approval (null when none), payable at once.</summary>
public sealed record DeliverableApproved(
    Guid BrandId, DateTimeOffset OccurredAt, Guid DeliverableId, long Version, DeliverableState Deliverable, MoneyAmount? Fee) : IReplicatedState;

public sealed record DeliverableRevisionRequested(
    Guid BrandId, DateTimeOffset OccurredAt, Guid DeliverableId, long Version, DeliverableState Deliverable, string? Note) : IReplicatedState;

public sealed record DeliverableRejected(
    Guid BrandId, DateTimeOffset OccurredAt, Guid DeliverableId, long Version, DeliverableState Deliverable, string? Note) : IReplicatedState;
