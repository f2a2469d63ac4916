using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Commissions;

/// <summary>
/// What one attributed conversion earns, with no I/O. Tiers are marginal: a conversion's rate comes
/// from its own rank among the enrollment's attributed conversions in the UTC calendar month of the
/// order (tracking assigns it once; nobody recounts it), so earlier conversions never change when
/// later ones reach a higher tier.
/// </summary>
public static class CommissionRule
{
    /// <param name="plan">The enrollment's override if one is in force, else the campaign's plan in force at the order time (<see cref="InForce"/>).</param>
    /// <param name="orderAmount">The order amount net of tax and shipping, in the campaign currency.</param>
    /// <param name="rank">1 for the enrollment's first attributed conversion of the order's month, 2 for the second…</param>
    /// <returns>Rounded half away from zero to the currency's minor unit, the rounding of every stored amount.</returns>
    public static Money Commission(Plan plan, Money orderAmount, int rank)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        if (orderAmount.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(orderAmount), orderAmount, "An order amount is never negative.");
        }

        var raw = plan.Kind switch
        {
            PlanKind.Percent => orderAmount * (Required(plan.Percent, "percent") / 100m),
            PlanKind.Flat => new Money(Required(plan.FlatAmount, "flatAmount"), orderAmount.Currency),
            PlanKind.Tiered => ByTier(TierFor(plan, rank), orderAmount),
            _ => throw new ArgumentOutOfRangeException(nameof(plan), plan.Kind, "Unknown plan kind."),
        };
        return raw.Round();
    }

    /// <summary>Whether the commission is a flat amount rather than a share of the order (a refund reverses it only when whole).</summary>
    public static bool IsFlat(Plan plan, int rank) =>
        plan.Kind == PlanKind.Flat || (plan.Kind == PlanKind.Tiered && TierFor(plan, rank).Percent is null);

    /// <summary>The tier with the greatest FromRank not above <paramref name="rank"/>.</summary>
    public static PlanTier TierFor(Plan plan, int rank) =>
        plan.Tiers.Where(t => t.FromRank <= rank).MaxBy(t => t.FromRank)
        ?? throw new ArgumentException("A tiered plan's first tier starts at rank 1.", nameof(plan));

    /// <summary>The first day of the UTC calendar month the order falls in: ranks restart there.</summary>
    public static DateOnly MonthOf(DateTimeOffset orderedAt)
    {
        var utc = orderedAt.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1);
    }

    private static Money ByTier(PlanTier tier, Money orderAmount) =>
        tier.Percent is { } percent ? orderAmount * (percent / 100m) : new Money(Required(tier.Amount, "tier amount"), orderAmount.Currency);

    private static decimal Required(decimal? value, string what) =>
        value ?? throw new ArgumentException($"The plan has no {what}.");
}
