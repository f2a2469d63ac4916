namespace AmbassadorNet.Contracts.Campaigns;

// Every campaign event carries the campaign's version (ignore one not newer than yours) and its full
// state, current terms included, so a consumer can keep a replica from any single event.

/// <summary>
/// The full replicated state of a launched campaign. <see cref="Status"/> is "active", "paused" or
/// "ended": a paused campaign's links still redirect and its conversions still earn; an ended one's
/// do not earn. <see cref="ProductCategory"/> is the slug of what it promotes ("energy-drinks"), if set.
/// </summary>
public sealed record CampaignState(
    Guid CampaignId,
    string Name,
    string Objective,
    string Status,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    MoneyAmount? Budget,
    CampaignTerms Terms,
    string? ProductCategory = null);

/// <summary>The campaign went live with its first terms (version 1 of the terms).</summary>
public sealed record CampaignLaunched(Guid BrandId, DateTimeOffset OccurredAt, Guid CampaignId, long Version, CampaignState Campaign) : ICampaignStateChanged;

/// <summary>
/// New terms apply to orders placed at or after <c>Campaign.Terms.EffectiveFrom</c> (never before
/// the change was made); orders before that keep the previous terms.
/// </summary>
public sealed record CampaignTermsChanged(
    Guid BrandId, DateTimeOffset OccurredAt, Guid CampaignId, long Version, CampaignState Campaign, CampaignTerms PreviousTerms) : ICampaignStateChanged;

/// <summary>Name, brief, budget, targeting or dates of a launched campaign changed; the terms did not.</summary>
public sealed record CampaignUpdated(Guid BrandId, DateTimeOffset OccurredAt, Guid CampaignId, long Version, CampaignState Campaign) : ICampaignStateChanged;

/// <summary>Links still redirect and conversions still earn while paused.</summary>
public sealed record CampaignPaused(Guid BrandId, DateTimeOffset OccurredAt, Guid CampaignId, long Version, CampaignState Campaign) : ICampaignStateChanged;

public sealed record CampaignResumed(Guid BrandId, DateTimeOffset OccurredAt, Guid CampaignId, long Version, CampaignState Campaign) : ICampaignStateChanged;

/// <summary>For good: links keep redirecting but orders after <c>OccurredAt</c> earn nothing.</summary>
public sealed record CampaignEnded(Guid BrandId, DateTimeOffset OccurredAt, Guid CampaignId, long Version, CampaignState Campaign) : ICampaignStateChanged;
