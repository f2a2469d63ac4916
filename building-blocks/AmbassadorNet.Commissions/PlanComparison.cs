namespace AmbassadorNet.Commissions;

/// <summary>
/// Whether a plan would pay a creator more than another for some order (issue #32: raising a commission
/// override needs the brand's approval, lowering it never does). Exact for every shape: both plans are read
/// rank by rank (a percent or flat plan is one rule for every rank, a tiered plan changes rule at its tiers),
/// and at each rank the two rules are compared over every order amount from zero up. When a plan cannot be
/// read (unknown, or missing what its kind needs) the answer is "raises": a raise waits, it is never let
/// through unseen.
/// </summary>
public static class PlanComparison
{
    /// <summary>True when <paramref name="candidate"/> pays more than <paramref name="baseline"/> for some order; null is "no plan known".</summary>
    public static bool Raises(Plan? candidate, Plan? baseline)
    {
        if (candidate is null || baseline is null)
        {
            return candidate is not null || baseline is not null; // nothing to compare with is a raise; nothing on both sides changes nothing
        }

        if (!Readable(candidate) || !Readable(baseline))
        {
            return true;
        }

        // A rule only changes at rank 1 and at either plan's tier starts, so those ranks cover every rank.
        var ranks = candidate.Tiers.Concat(baseline.Tiers).Select(t => t.FromRank).Append(1).Where(r => r >= 1).Distinct();
        return ranks.Any(rank => RaisesAt(RuleAt(candidate, rank), RuleAt(baseline, rank)));
    }

    /// <summary>A percent of the order or an amount per conversion.</summary>
    private readonly record struct Rule(decimal? Percent, decimal? Amount);

    private static bool RaisesAt(Rule candidate, Rule baseline) => (candidate, baseline) switch
    {
        ({ Percent: { } p }, { Percent: { } q }) => p > q,
        ({ Amount: { } a }, { Amount: { } b }) => a > b,
        ({ Percent: { } p }, _) => p > 0, // a share beats any fixed amount on a large enough order
        ({ Amount: { } a }, _) => a > 0, // a fixed amount beats any share on a small enough order
        _ => true,
    };

    private static Rule RuleAt(Plan plan, int rank) => plan.Kind switch
    {
        PlanKind.Percent => new(plan.Percent, null),
        PlanKind.Flat => new(null, plan.FlatAmount),
        _ => CommissionRule.TierFor(plan, rank) is var tier ? new(tier.Percent, tier.Percent is null ? tier.Amount : null) : default,
    };

    private static bool Readable(Plan plan) => plan.Kind switch
    {
        PlanKind.Percent => plan.Percent is not null,
        PlanKind.Flat => plan.FlatAmount is not null,
        PlanKind.Tiered => plan.Tiers.Any(t => t.FromRank == 1) && plan.Tiers.All(t => t.Percent is not null || t.Amount is not null),
        _ => false,
    };
}
