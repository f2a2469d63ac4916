namespace AmbassadorNet.Contracts.Campaigns;

/// <summary>
/// The terms of a campaign that other services act on: tracking (destination, domains, attribution
/// window, promo discount) and payouts (currency, plan, holding period, deliverable fee). A terms
/// version applies to orders placed at or after <see cref="EffectiveFrom"/>; earlier orders keep the
/// version that was in force when they were placed.
/// </summary>
/// <param name="TermsVersion">1 at launch, then one more per change of terms.</param>
/// <param name="Currency">ISO 4217 code of every amount of the campaign.</param>
/// <param name="AttributionWindowDays">A click attributes orders placed within this many days after it.</param>
/// <param name="HoldingPeriodDays">Commission stays pending this many days before it becomes payable.</param>
/// <param name="DestinationUrl">Where tracking links redirect (https).</param>
/// <param name="AllowedDomains">The hosts (and their subdomains) links of this campaign may redirect to.</param>
/// <param name="PromoDiscount">The customer discount the campaign's promo codes give, if any.</param>
/// <param name="DeliverableFee">Paid per approved deliverable, in <see cref="Currency"/>; null when none.</param>
public sealed record CampaignTerms(
    int TermsVersion,
    DateTimeOffset EffectiveFrom,
    string Currency,
    int AttributionWindowDays,
    int HoldingPeriodDays,
    CommissionPlan CommissionPlan,
    string DestinationUrl,
    IReadOnlyList<string> AllowedDomains,
    PromoDiscount? PromoDiscount,
    decimal? DeliverableFee);

/// <summary>The discount a promo code gives the customer: exactly one of a percent (0–100) or an amount off in the campaign currency.</summary>
public sealed record PromoDiscount(decimal? Percent, decimal? Amount);
