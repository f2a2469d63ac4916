namespace AmbassadorNet.Campaigns.Domain;

/// <summary>
/// What a campaign promises and pays: everything tracking and payouts replicate. A draft may leave
/// parts unset; launch requires them (see <see cref="CampaignRules"/>). Instances are never mutated:
/// a change makes a new one, which is also how EF notices it.
/// </summary>
public sealed record Terms(
    string? Currency,
    int AttributionWindowDays,
    int HoldingPeriodDays,
    Plan? CommissionPlan,
    string? DestinationUrl,
    IReadOnlyList<string> AllowedDomains,
    Discount? PromoDiscount,
    decimal? DeliverableFee)
{
    public const int DefaultAttributionWindowDays = 30;
    public const int DefaultHoldingPeriodDays = 30;

    public static Terms Empty { get; } = new(null, DefaultAttributionWindowDays, DefaultHoldingPeriodDays, null, null, [], null, null);
}

/// <summary>The customer discount of the campaign's promo codes: a percent or an amount off.</summary>
public sealed record Discount(decimal? Percent, decimal? Amount);

/// <summary>An always-on requirement: <paramref name="PerMonth"/> deliverables of <paramref name="Type"/> per creator per calendar month.</summary>
public sealed record Quota(DeliverableType Type, int PerMonth);
