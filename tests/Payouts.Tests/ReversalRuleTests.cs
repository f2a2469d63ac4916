using AmbassadorNet.Payouts.Domain;
using AmbassadorNet.SharedKernel;

namespace Payouts.Tests;

/// <summary>The reversal rule with no I/O, at its boundaries (the commission rule's tests are in BuildingBlocks.Tests).</summary>
public sealed class ReversalRuleTests
{
    private static Money Usd(decimal amount) => Money.Of(amount, "USD");

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
