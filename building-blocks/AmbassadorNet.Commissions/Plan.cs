namespace AmbassadorNet.Commissions;

/// <summary>
/// A commission plan; only the members of its <see cref="Kind"/> are set. <see cref="CommissionRule"/>
/// says what it pays. Stored as JSON and served by the API with the kind in snake_case, the same
/// shape as the contract's <c>CommissionPlan</c> (see <see cref="WirePlans"/>).
/// </summary>
public sealed record Plan(PlanKind Kind, decimal? Percent, decimal? FlatAmount, IReadOnlyList<PlanTier> Tiers);

/// <summary>From the <paramref name="FromRank"/>-th conversion of the month: a percent of the amount or a flat amount.</summary>
public sealed record PlanTier(int FromRank, decimal? Percent, decimal? Amount);

public enum PlanKind
{
    Percent,
    Flat,
    Tiered,
}
