namespace AmbassadorNet.Contracts.Campaigns;

/// <summary>
/// A grant of usage rights: <see cref="Uses"/> (organic_repost, paid_ads, whitelisting, email, website,
/// print), <see cref="Territories"/> (ISO 3166-1 alpha-2, or "*" alone for worldwide), the UTC days from
/// <see cref="StartsOn"/> to <see cref="EndsOn"/> inclusive (null: no end), and whether the brand may edit.
/// </summary>
public sealed record UsageGrantState(IReadOnlyList<string> Uses, IReadOnlyList<string> Territories, DateOnly StartsOn, DateOnly? EndsOn, bool MayEdit);

/// <summary>
/// The brand set a post's own usage rights, which replace those it inherits from its enrollment's
/// accepted agreement; <see cref="Grants"/> empty: cleared, the inherited rights hold again.
/// <see cref="Version"/>: of the post's own rights; <see cref="ApiKeyId"/>: the key that set them.
/// </summary>
public sealed record PostUsageRightsSet(
    Guid BrandId, DateTimeOffset OccurredAt, Guid PostId, long Version, Guid CampaignId, Guid EnrollmentId, Guid CreatorId,
    IReadOnlyList<UsageGrantState> Grants, Guid? ApiKeyId) : IIntegrationEvent;

/// <summary>
/// A post's usage rights end on <see cref="EndsOn"/> (the last day they hold), <see cref="DaysBefore"/>
/// days from now by one of the brand's thresholds: once per post, end date and threshold. When a
/// threshold was already passed as the rights were granted, only the nearest one that applies is
/// sent. <see cref="Uses"/> and <see cref="Territories"/>: of the grants ending that day;
/// <see cref="Source"/>: post or agreement.
/// </summary>
public sealed record UsageRightsExpiring(
    Guid BrandId, DateTimeOffset OccurredAt, Guid PostId, Guid CampaignId, Guid EnrollmentId, Guid CreatorId, DateOnly EndsOn, int DaysBefore,
    IReadOnlyList<string> Uses, IReadOnlyList<string> Territories, string Source) : IIntegrationEvent;

/// <summary>The day after <see cref="EndsOn"/> came: the grants of the post ending that day no longer hold. Once per post and end date.</summary>
public sealed record UsageRightsExpired(
    Guid BrandId, DateTimeOffset OccurredAt, Guid PostId, Guid CampaignId, Guid EnrollmentId, Guid CreatorId, DateOnly EndsOn,
    IReadOnlyList<string> Uses, IReadOnlyList<string> Territories, string Source) : IIntegrationEvent;

/// <summary>A brand changed how many days before a post's usage rights end a notice goes out (<see cref="ExpiryNoticeDays"/>, largest first).</summary>
public sealed record UsageRightsPolicyChanged(Guid BrandId, DateTimeOffset OccurredAt, long Version, IReadOnlyList<int> ExpiryNoticeDays) : IReplicatedState;
