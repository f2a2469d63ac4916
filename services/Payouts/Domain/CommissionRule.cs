using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Payouts.Domain;

/// <summary>
/// The commission rule of <see cref="CommissionPlan"/>, with no I/O. The rank comes from tracking
/// (ConversionAttributed.RankInMonth) and is never recounted here, so every consumer agrees whatever
/// order events arrive in.
/// </summary>
public static class CommissionRule
{
    public static Money Commission(CommissionPlan plan, Money orderAmount, int rank)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        if (orderAmount.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(orderAmount), orderAmount, "An order amount is never negative.");
        }

        var raw = plan.Kind switch
        {
            "percent" => orderAmount * (Required(plan.Percent, "percent") / 100m),
            "flat" => new Money(Required(plan.FlatAmount, "flatAmount"), orderAmount.Currency),
            "tiered" => ByTier(TierFor(plan, rank), orderAmount),
            _ => throw new ArgumentOutOfRangeException(nameof(plan), plan.Kind, "Unknown plan kind."),
        };
        return raw.Round();
    }

    /// <summary>Whether the commission is a flat amount rather than a share of the order (refunds treat it so).</summary>
    public static bool IsFlat(CommissionPlan plan, int rank) =>
        plan.Kind == "flat" || (plan.Kind == "tiered" && TierFor(plan, rank).Percent is null);

    /// <summary>The tier with the greatest FromRank not above <paramref name="rank"/> (marginal tiers).</summary>
    public static CommissionTier TierFor(CommissionPlan plan, int rank) =>
        plan.Tiers.Where(t => t.FromRank <= rank).MaxBy(t => t.FromRank)
        ?? throw new ArgumentException("A tiered plan's first tier starts at rank 1.", nameof(plan));

    private static Money ByTier(CommissionTier tier, Money orderAmount) =>
        tier.Percent is { } percent ? orderAmount * (percent / 100m) : new Money(Required(tier.Amount, "tier amount"), orderAmount.Currency);

    private static decimal Required(decimal? value, string what) =>
        value ?? throw new ArgumentException($"The plan has no {what}.");
}
