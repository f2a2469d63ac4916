using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.SharedKernel;

namespace Payouts.Tests;

/// <summary>The commission and reversal rules with no I/O, at their boundaries.</summary>
public sealed class CommissionRuleTests
{
    private static Money Usd(decimal amount) => Money.Of(amount, "USD");

    [Theory]
    [InlineData(100.00, 10, 10.00)]
    [InlineData(0.05, 10, 0.01)]     // 0.005 rounds half away from zero
    [InlineData(33.33, 12.5, 4.17)]  // 4.16625
    [InlineData(0, 10, 0)]
    public void Percent_is_a_share_of_the_net_amount_rounded_half_away_from_zero(decimal amount, decimal percent, decimal expected) =>
        Assert.Equal(Usd(expected), CommissionRule.Commission(Events.Percent(percent), Usd(amount), 1));

    [Fact]
    public void Flat_pays_the_same_whatever_the_amount() =>
        Assert.Equal([Usd(7.5m), Usd(7.5m)], [CommissionRule.Commission(Events.Flat(7.5m), Usd(1m), 1), CommissionRule.Commission(Events.Flat(7.5m), Usd(900m), 40)]);

    [Theory]
    [InlineData(1, 10.00)]
    [InlineData(20, 10.00)]
    [InlineData(21, 15.00)]
    [InlineData(500, 15.00)]
    public void Tiers_are_marginal_by_rank_in_the_month(int rank, decimal expected) =>
        Assert.Equal(Usd(expected), CommissionRule.Commission(Events.TenThenFifteen, Usd(100m), rank));

    [Fact]
    public void A_flat_tier_pays_its_amount_and_counts_as_flat_for_refunds()
    {
        var plan = Events.Tiered(new CommissionTier(1, 10m, null), new CommissionTier(21, null, 12m));

        Assert.Equal(Usd(12m), CommissionRule.Commission(plan, Usd(100m), 21));
        Assert.False(CommissionRule.IsFlat(plan, 20));
        Assert.True(CommissionRule.IsFlat(plan, 21));
    }

    [Fact]
    public void Yen_rounds_to_whole_units() =>
        Assert.Equal(Money.Of(1235m, "JPY"), CommissionRule.Commission(Events.Percent(10m), Money.Of(12345m, "JPY"), 1));

    [Theory]
    [InlineData(30, 0, 3.00)]     // 10.00 × 30/100
    [InlineData(100, 3, 7.00)]    // full refund reverses the rest
    [InlineData(30, 6, 0)]        // an earlier refund arriving after a later one reverses nothing
    [InlineData(33.33, 0, 3.33)]  // 3.333 rounds to 3.33
    public void Percent_reversal_is_the_refunded_share_less_what_was_already_reversed(decimal cumulative, decimal already, decimal expected) =>
        Assert.Equal(Usd(expected), ReversalRule.Reversal(Usd(10m), false, Usd(100m), Usd(cumulative), Usd(already)));

    [Theory]
    [InlineData(99.99, 0)]
    [InlineData(100, 5)]
    public void A_flat_commission_reverses_only_on_a_full_refund(decimal cumulative, decimal expected) =>
        Assert.Equal(Usd(expected), ReversalRule.Reversal(Usd(5m), true, Usd(100m), Usd(cumulative), Usd(0m)));
}
