using AmbassadorNet.Commissions;

namespace BuildingBlocks.Tests.Commissions;

/// <summary>
/// What counts as raising a commission (issue #32): more for some order, under every shape of plan. Each case
/// also runs backwards, because lowering must never wait, and equal plans raise nothing.
/// </summary>
public sealed class PlanComparisonTests
{
    private static Plan Percent(decimal percent) => new(PlanKind.Percent, percent, null, []);

    private static Plan Flat(decimal amount) => new(PlanKind.Flat, null, amount, []);

    private static Plan Tiered(params PlanTier[] tiers) => new(PlanKind.Tiered, null, null, tiers);

    private static PlanTier Share(int from, decimal percent) => new(from, percent, null);

    private static PlanTier Fixed(int from, decimal amount) => new(from, null, amount);

    [Fact]
    public void Percent_against_percent_is_a_raise_when_the_share_is_higher()
    {
        Assert.True(PlanComparison.Raises(Percent(12), Percent(10)));
        Assert.False(PlanComparison.Raises(Percent(10), Percent(12)));
        Assert.False(PlanComparison.Raises(Percent(10), Percent(10)));
    }

    [Fact]
    public void Flat_against_flat_is_a_raise_when_the_amount_is_higher()
    {
        Assert.True(PlanComparison.Raises(Flat(5.01m), Flat(5)));
        Assert.False(PlanComparison.Raises(Flat(5), Flat(5.01m)));
        Assert.False(PlanComparison.Raises(Flat(5), Flat(5)));
    }

    [Fact]
    public void Percent_against_flat_raises_on_a_large_enough_order_and_flat_against_percent_on_a_small_enough_one()
    {
        Assert.True(PlanComparison.Raises(Percent(1), Flat(50))); // a 10,000 order pays 100 instead of 50
        Assert.True(PlanComparison.Raises(Flat(1), Percent(50)));  // a 1.00 order pays 1 instead of 0.50
        Assert.False(PlanComparison.Raises(Percent(0), Flat(5)));
        Assert.False(PlanComparison.Raises(Flat(0), Percent(10)));
    }

    [Fact]
    public void Tiered_plans_are_compared_rank_by_rank_at_every_tier_start_of_either()
    {
        var tenThenFifteen = Tiered(Share(1, 10), Share(21, 15));
        var tenThenTwentyLater = Tiered(Share(1, 10), Share(51, 20));

        Assert.True(PlanComparison.Raises(tenThenTwentyLater, tenThenFifteen));  // from the 51st: 20% instead of 15%
        Assert.True(PlanComparison.Raises(tenThenFifteen, tenThenTwentyLater));  // 21st to 50th: 15% instead of 10%
        Assert.False(PlanComparison.Raises(Tiered(Share(1, 10), Share(31, 15)), tenThenFifteen)); // the raise comes later: less
        Assert.True(PlanComparison.Raises(Tiered(Share(1, 10), Share(11, 15)), tenThenFifteen));  // the raise comes sooner: more
        Assert.False(PlanComparison.Raises(tenThenFifteen, Tiered(Share(1, 10), Share(21, 15))));
    }

    [Fact]
    public void Tiered_against_one_rule_plans_compares_each_tier_with_that_rule()
    {
        var tenThenFifteen = Tiered(Share(1, 10), Share(21, 15));

        Assert.True(PlanComparison.Raises(tenThenFifteen, Percent(12)));
        Assert.True(PlanComparison.Raises(Percent(12), tenThenFifteen));
        Assert.False(PlanComparison.Raises(tenThenFifteen, Percent(15)));
        Assert.False(PlanComparison.Raises(Percent(10), tenThenFifteen));
        Assert.True(PlanComparison.Raises(Tiered(Share(1, 0), Fixed(11, 2)), Percent(10))); // from the 11th: 2.00 beats 10% of a small order
        Assert.False(PlanComparison.Raises(Tiered(Fixed(1, 2), Fixed(5, 1)), Flat(2)));
        Assert.True(PlanComparison.Raises(Flat(2), Tiered(Fixed(1, 2), Fixed(5, 1))));
    }

    [Fact]
    public void What_cannot_be_read_or_compared_is_treated_as_a_raise()
    {
        Assert.True(PlanComparison.Raises(Percent(5), null));                      // no plan known to compare with
        Assert.True(PlanComparison.Raises(null, Percent(5)));
        Assert.False(PlanComparison.Raises(null, null));
        Assert.True(PlanComparison.Raises(new Plan(PlanKind.Percent, null, null, []), Percent(50)));
        Assert.True(PlanComparison.Raises(Tiered(), Percent(1)));                  // no tier from rank 1
        Assert.True(PlanComparison.Raises(Percent(1), Tiered(Share(2, 5))));
        Assert.True(PlanComparison.Raises(new Plan((PlanKind)9, 1, null, []), Percent(50)));
    }
}
