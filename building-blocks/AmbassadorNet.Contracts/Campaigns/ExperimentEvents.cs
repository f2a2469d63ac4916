namespace AmbassadorNet.Contracts.Campaigns;

// Every experiment event carries the experiment's version and full state.

/// <summary>A variant of an experiment: the key posts are assigned by, its name, what it is.</summary>
public sealed record ExperimentVariantState(string Key, string Name, string? Description);

/// <summary>
/// A campaign's test of content. <see cref="Assignment"/>: brand (the brand names each post's
/// variant) or random (drawn from <see cref="Seed"/> and the post id). <see cref="Status"/>: running,
/// ended. <see cref="SignificanceLevel"/>: the brand's α. <see cref="EndReason"/>: ended (by the
/// brand) or campaign_ended.
/// </summary>
public sealed record ExperimentState(
    Guid ExperimentId,
    Guid CampaignId,
    string Name,
    string? Hypothesis,
    IReadOnlyList<ExperimentVariantState> Variants,
    string ControlVariant,
    string Assignment,
    long? Seed,
    decimal SignificanceLevel,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? EndReason);

/// <summary>An experiment was declared and takes posts from now on.</summary>
public sealed record ExperimentStarted(Guid BrandId, DateTimeOffset OccurredAt, Guid ExperimentId, long Version, ExperimentState Experiment) : IReplicatedState;

/// <summary>An experiment ended (the brand ended it, or its campaign ended): it takes no more posts and its report counts facts up to this day.</summary>
public sealed record ExperimentEnded(Guid BrandId, DateTimeOffset OccurredAt, Guid ExperimentId, long Version, ExperimentState Experiment) : IReplicatedState;
