using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Campaigns.Domain;

/// <summary>
/// The commission rule of the design, with no I/O (the contract's CommissionPlan documents the same
/// rule for payouts). Tiers are marginal: a conversion's rate comes from its own rank among the
/// enrollment's attributed conversions in the UTC calendar month of the order, so earlier
/// conversions never change when later ones reach a higher tier.
/// </summary>
public static class CommissionCalculator
{
    /// <param name="plan">The enrollment's override if it has one in force, else the campaign's plan in force at the order time.</param>
    /// <param name="netAmount">The order amount net of tax and shipping, in the campaign currency.</param>
    /// <param name="rank">1 for the enrollment's first attributed conversion of the order's month, 2 for the second…</param>
    public static Money Commission(Plan plan, Money netAmount, int rank)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        if (netAmount.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(netAmount), netAmount, "An order amount is never negative.");
        }

        var raw = plan.Kind switch
        {
            PlanKind.Percent => netAmount * (plan.Percent!.Value / 100m),
            PlanKind.Flat => new Money(plan.FlatAmount!.Value, netAmount.Currency),
            PlanKind.Tiered => ByTier(TierFor(plan, rank), netAmount),
            _ => throw new ArgumentOutOfRangeException(nameof(plan), plan.Kind, "Unknown plan kind."),
        };
        return raw.Round();
    }

    /// <summary>The tier with the greatest FromRank not above <paramref name="rank"/>.</summary>
    public static PlanTier TierFor(Plan plan, int rank) =>
        plan.Tiers.Where(t => t.FromRank <= rank).MaxBy(t => t.FromRank)
        ?? throw new ArgumentException("A tiered plan's first tier starts at rank 1.", nameof(plan));

    /// <summary>The first instant of the UTC calendar month the order falls in: ranks restart there.</summary>
    public static DateTimeOffset MonthOf(DateTimeOffset orderTime)
    {
        var utc = orderTime.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }

    private static Money ByTier(PlanTier tier, Money netAmount) =>
        tier.Percent is { } percent ? netAmount * (percent / 100m) : new Money(tier.Amount!.Value, netAmount.Currency);
}
