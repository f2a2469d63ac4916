using AmbassadorNet.Campaigns.Domain;
using AmbassadorNet.SharedKernel;

namespace Campaigns.Tests;

/// <summary>The commission rule of the design at its boundaries: ranks at tier edges, rounding per currency, month edges.</summary>
public sealed class CommissionCalculatorTests
{
    // 10% for the 1st–10th conversion of the month, 15% for the 11th–50th, a flat 20.00 from the 51st.
    private static readonly Plan Tiered = new(PlanKind.Tiered, null, null, [new PlanTier(1, 10m, null), new PlanTier(11, 15m, null), new PlanTier(51, null, 20m)]);

    [Theory]
    [InlineData(1, "10.00")]   // first conversion of the month: first tier
    [InlineData(10, "10.00")]  // last of the first tier
    [InlineData(11, "15.00")]  // first of the second tier
    [InlineData(50, "15.00")]  // last of the second tier
    [InlineData(51, "20.00")]  // first of the flat tier: the amount, not a percent
    [InlineData(500, "20.00")] // the last tier has no end
    public void A_tiered_plan_pays_each_conversion_by_its_own_rank(int rank, string expected)
    {
        var commission = CommissionCalculator.Commission(Tiered, Money.Of(100m, "USD"), rank);

        Assert.Equal(Money.Of(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), "USD"), commission);
    }

    [Fact]
    public void Tiers_are_marginal_so_reaching_a_higher_tier_does_not_change_earlier_conversions()
    {
        var firstTen = Enumerable.Range(1, 10).Select(rank => CommissionCalculator.Commission(Tiered, Money.Of(100m, "USD"), rank));
        var eleventh = CommissionCalculator.Commission(Tiered, Money.Of(100m, "USD"), 11);

        Assert.All(firstTen, c => Assert.Equal(Money.Of(10m, "USD"), c));
        Assert.Equal(Money.Of(15m, "USD"), eleventh);
        Assert.Equal(Money.Of(115m, "USD"), Money.Sum(firstTen.Append(eleventh), Currency.USD));
    }

    [Theory]
    [InlineData("USD", "1.25", "12.5", "0.16")]   // 0.15625 → 0.16
    [InlineData("USD", "1.00", "12.5", "0.13")]   // exactly half a cent (0.125) rounds away from zero
    [InlineData("JPY", "1250", "10.2", "128")]    // 127.5 yen → 128: JPY has no minor unit
    [InlineData("KWD", "10.000", "3.33", "0.333")] // 0.333 KWD: three digits
    public void A_percent_plan_rounds_half_away_from_zero_to_the_minor_unit(string currency, string amount, string percent, string expected)
    {
        var plan = new Plan(PlanKind.Percent, Dec(percent), null, []);

        var commission = CommissionCalculator.Commission(plan, Money.Of(Dec(amount), currency), rank: 1);

        Assert.Equal(Money.Of(Dec(expected), currency), commission);
    }

    [Fact]
    public void A_flat_plan_pays_the_same_whatever_the_amount_or_rank()
    {
        var plan = new Plan(PlanKind.Flat, null, 7.5m, []);

        Assert.Equal(Money.Of(7.5m, "EUR"), CommissionCalculator.Commission(plan, Money.Of(1_000m, "EUR"), 1));
        Assert.Equal(Money.Of(7.5m, "EUR"), CommissionCalculator.Commission(plan, Money.Of(0m, "EUR"), 99));
    }

    [Fact]
    public void Rank_zero_and_negative_amounts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CommissionCalculator.Commission(Tiered, Money.Of(10m, "USD"), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommissionCalculator.Commission(Tiered, Money.Of(-10m, "USD"), 1));
    }

    [Fact]
    public void Ranks_restart_with_the_utc_calendar_month_of_the_order()
    {
        var lastInstantOfJanuary = new DateTimeOffset(2026, 1, 31, 23, 59, 59, TimeSpan.Zero);
        var sameInstantInNewYork = new DateTimeOffset(2026, 1, 31, 19, 30, 0, TimeSpan.FromHours(-5)); // 00:30 UTC on 1 February

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), CommissionCalculator.MonthOf(lastInstantOfJanuary));
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), CommissionCalculator.MonthOf(sameInstantInNewYork));
    }

    private static decimal Dec(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
