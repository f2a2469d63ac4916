namespace AmbassadorNet.Contracts.Campaigns;

/// <summary>
/// How one attributed conversion earns commission. The rule, exactly (payouts applies it; its one
/// implementation is <c>CommissionRule</c> in the AmbassadorNet.Commissions building block):
/// <list type="bullet">
/// <item>The order amount is net of tax and shipping, in the campaign currency.</item>
/// <item><c>percent</c>: commission = amount × <see cref="Percent"/> / 100.</item>
/// <item><c>flat</c>: commission = <see cref="FlatAmount"/> per conversion, whatever the amount.</item>
/// <item><c>tiered</c> (marginal): number the enrollment's attributed conversions within the UTC
/// calendar month of the order 1, 2, 3… in attribution order; a conversion's rank is its number. It
/// earns by the tier with the greatest <see cref="CommissionTier.FromRank"/> not above its rank:
/// amount × tier percent / 100, or the tier's flat amount. The first tier starts at rank 1. Nothing
/// already accrued is recomputed when later conversions reach a higher tier, and refunds do not
/// lower the rank. Ranks start again at 1 each month.</item>
/// <item>The result is rounded half away from zero to the currency's minor unit (USD 2 digits, JPY 0).</item>
/// <item>A per-enrollment override (<see cref="EnrollmentTermsChanged"/>) replaces the campaign's
/// plan for that enrollment from its effective time.</item>
/// </list>
/// </summary>
/// <param name="Kind">"percent", "flat" or "tiered".</param>
/// <param name="Percent">For "percent": 0 to 100.</param>
/// <param name="FlatAmount">For "flat": the amount per conversion, in the campaign currency.</param>
/// <param name="Tiers">For "tiered": ordered by <see cref="CommissionTier.FromRank"/>, the first from rank 1.</param>
public sealed record CommissionPlan(string Kind, decimal? Percent, decimal? FlatAmount, IReadOnlyList<CommissionTier> Tiers);

/// <summary>From the <paramref name="FromRank"/>-th conversion of the month on: exactly one of a percent (0–100) or a flat amount.</summary>
public sealed record CommissionTier(int FromRank, decimal? Percent, decimal? Amount);
