namespace AmbassadorNet.Campaigns.Api;

/// <summary>
/// Creates a draft (only <c>name</c> is required until launch) or, in a PATCH, changes the fields
/// present. On a launched campaign a change of terms (currency excepted, which never changes) is a
/// new terms version from <c>effectiveFrom</c> (default: now; never in the past). <c>productCategory</c>
/// (a slug such as "energy-drinks") is what creators' exclusivities are checked against.
/// </summary>
public sealed record CampaignRequest(
    string? Name,
    string? Objective,
    bool? AlwaysOn,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    decimal? Budget,
    string? Currency,
    TargetingRequest? Targeting,
    BriefRequest? Brief,
    string? DestinationUrl,
    IReadOnlyList<string>? AllowedDomains,
    int? AttributionWindowDays,
    int? HoldingPeriodDays,
    PlanRequest? CommissionPlan,
    DiscountRequest? PromoDiscount,
    decimal? DeliverableFee,
    IReadOnlyList<QuotaRequest>? Quotas,
    DateTimeOffset? EffectiveFrom,
    string? ProductCategory = null);

/// <summary>Who the campaign is for: niches, tiers (nano, micro…) and ISO country codes.</summary>
public sealed record TargetingRequest(IReadOnlyList<string>? Niches, IReadOnlyList<string>? Tiers, IReadOnlyList<string>? Countries);

/// <summary>What creators are asked to say, to avoid, and the disclosure they must carry (such as "#ad").</summary>
public sealed record BriefRequest(IReadOnlyList<string>? KeyMessages, IReadOnlyList<string>? MustAvoid, string? RequiredDisclosure);

/// <summary>kind percent (percent), flat (flatAmount) or tiered (tiers by rank in the calendar month, marginal).</summary>
public sealed record PlanRequest(string? Kind, decimal? Percent, decimal? FlatAmount, IReadOnlyList<TierRequest>? Tiers);

public sealed record TierRequest(int? FromRank, decimal? Percent, decimal? Amount);

/// <summary>Exactly one of percent or amount.</summary>
public sealed record DiscountRequest(decimal? Percent, decimal? Amount);

/// <summary>N deliverables of a type per creator per calendar month.</summary>
public sealed record QuotaRequest(string? Type, int? PerMonth);

/// <summary>Invites one approved creator.</summary>
public sealed record InviteRequest(Guid? CreatorId);

/// <summary>Invites every approved creator of the replica that matches all the filters given and is not yet in the campaign.</summary>
public sealed record BulkInviteRequest(string? Niche, string? Tier, string? Country, decimal? MinEngagement, int? Limit);

/// <summary>A plan that replaces the campaign's for this enrollment from effectiveFrom (default now); a null plan clears it.</summary>
public sealed record OverrideRequest(PlanRequest? CommissionPlan, DateTimeOffset? EffectiveFrom);

public sealed record DeliverableRequest(string? Type, DateOnly? DueDate);

public sealed record SubmitRequest(string? Url);

/// <summary>An optional note to the creator, kept in the event.</summary>
public sealed record ReviewRequest(string? Note);
