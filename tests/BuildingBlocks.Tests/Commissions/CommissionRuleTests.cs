using System.Globalization;
using AmbassadorNet.Commissions;
using AmbassadorNet.SharedKernel;

namespace BuildingBlocks.Tests.Commissions;

/// <summary>The commission rule at its boundaries: ranks at tier edges, rounding per currency, month edges.</summary>
public sealed class CommissionRuleTests
{
    // 10% for the 1st–10th conversion of the month, 15% for the 11th–50th, a flat 20.00 from the 51st.
    private static readonly Plan TenFifteenThenTwenty = Tiered(new PlanTier(1, 10m, null), new PlanTier(11, 15m, null), new PlanTier(51, null, 20m));

    // 10% for a creator's first 20 conversions of a month, 15% from the 21st.
    private static readonly Plan TenThenFifteen = Tiered(new PlanTier(1, 10m, null), new PlanTier(21, 15m, null));

    [Theory]
    [InlineData("USD", "100.00", "10", "10.00")]
    [InlineData("USD", "0.05", "10", "0.01")]     // 0.005 rounds half away from zero
    [InlineData("USD", "33.33", "12.5", "4.17")]  // 4.16625
    [InlineData("USD", "0", "10", "0")]
    [InlineData("USD", "1.25", "12.5", "0.16")]   // 0.15625 → 0.16
    [InlineData("USD", "1.00", "12.5", "0.13")]   // exactly half a cent (0.125) rounds away from zero
    [InlineData("JPY", "1250", "10.2", "128")]    // 127.5 yen → 128: JPY has no minor unit
    [InlineData("JPY", "12345", "10", "1235")]    // 1234.5 yen → 1235
    [InlineData("KWD", "10.000", "3.33", "0.333")] // 0.333 KWD: three digits
    public void A_percent_plan_pays_a_share_of_the_net_amount_rounded_half_away_from_zero_to_the_minor_unit(string currency, string amount, string percent, string expected)
    {
        var commission = CommissionRule.Commission(Percent(Dec(percent)), Money.Of(Dec(amount), currency), rank: 1);

        Assert.Equal(Money.Of(Dec(expected), currency), commission);
    }

    [Fact]
    public void A_percent_commission_is_the_exact_share_to_within_half_a_minor_unit_and_already_rounded()
    {
        var random = new Random(20261205);
        foreach (var currency in new[] { "USD", "JPY", "KWD" })
        {
            for (var i = 0; i < 500; i++)
            {
                var amount = Money.Of(Math.Round((decimal)random.NextDouble() * 10_000m, 4), currency);
                var percent = Math.Round((decimal)random.NextDouble() * 100m, 2);

                var commission = CommissionRule.Commission(Percent(percent), amount, rank: 1 + random.Next(100));

                var halfMinorUnit = 0.5m / (decimal)Math.Pow(10, Currency.Parse(currency).MinorUnits);
                Assert.True(commission.IsRounded, $"{commission} for {percent}% of {amount} is not rounded");
                Assert.True(Math.Abs(commission.Amount - (amount.Amount * percent / 100m)) <= halfMinorUnit, $"{commission} for {percent}% of {amount}");
            }
        }
    }

    [Fact]
    public void A_flat_plan_pays_the_same_whatever_the_amount_or_rank()
    {
        var plan = new Plan(PlanKind.Flat, null, 7.5m, []);

        Assert.Equal(Money.Of(7.5m, "EUR"), CommissionRule.Commission(plan, Money.Of(1_000m, "EUR"), 1));
        Assert.Equal(Money.Of(7.5m, "EUR"), CommissionRule.Commission(plan, Money.Of(0m, "EUR"), 99));
        Assert.Equal(Money.Of(7.5m, "USD"), CommissionRule.Commission(plan, Money.Of(1m, "USD"), 1));
        Assert.Equal(Money.Of(7.5m, "USD"), CommissionRule.Commission(plan, Money.Of(900m, "USD"), 40));
    }

    [Theory]
    [InlineData(1, "10.00")]   // first conversion of the month: first tier
    [InlineData(10, "10.00")]  // last of the first tier
    [InlineData(11, "15.00")]  // first of the second tier
    [InlineData(50, "15.00")]  // last of the second tier
    [InlineData(51, "20.00")]  // first of the flat tier: the amount, not a percent
    [InlineData(500, "20.00")] // the last tier has no end
    public void A_tiered_plan_pays_each_conversion_by_its_own_rank(int rank, string expected) =>
        Assert.Equal(Money.Of(Dec(expected), "USD"), CommissionRule.Commission(TenFifteenThenTwenty, Money.Of(100m, "USD"), rank));

    [Theory]
    [InlineData(1, "10.00")]
    [InlineData(20, "10.00")]
    [InlineData(21, "15.00")]
    [InlineData(500, "15.00")]
    public void Tiers_are_marginal_by_rank_in_the_month(int rank, string expected) =>
        Assert.Equal(Money.Of(Dec(expected), "USD"), CommissionRule.Commission(TenThenFifteen, Money.Of(100m, "USD"), rank));

    [Fact]
    public void Tiers_are_marginal_so_reaching_a_higher_tier_does_not_change_earlier_conversions()
    {
        var firstTen = Enumerable.Range(1, 10).Select(rank => CommissionRule.Commission(TenFifteenThenTwenty, Money.Of(100m, "USD"), rank)).ToList();
        var eleventh = CommissionRule.Commission(TenFifteenThenTwenty, Money.Of(100m, "USD"), 11);

        Assert.All(firstTen, c => Assert.Equal(Money.Of(10m, "USD"), c));
        Assert.Equal(Money.Of(15m, "USD"), eleventh);
        Assert.Equal(Money.Of(115m, "USD"), Money.Sum(firstTen.Append(eleventh), Currency.USD));
    }

    [Fact]
    public void A_flat_tier_pays_its_amount_and_counts_as_flat_for_refunds()
    {
        var plan = Tiered(new PlanTier(1, 10m, null), new PlanTier(21, null, 12m));

        Assert.Equal(Money.Of(12m, "USD"), CommissionRule.Commission(plan, Money.Of(100m, "USD"), 21));
        Assert.False(CommissionRule.IsFlat(plan, 20));
        Assert.True(CommissionRule.IsFlat(plan, 21));
        Assert.True(CommissionRule.IsFlat(new Plan(PlanKind.Flat, null, 5m, []), 1));
        Assert.False(CommissionRule.IsFlat(Percent(10m), 1));
    }

    [Fact]
    public void Rank_zero_negative_amounts_and_plans_missing_their_figure_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CommissionRule.Commission(TenFifteenThenTwenty, Money.Of(10m, "USD"), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommissionRule.Commission(TenFifteenThenTwenty, Money.Of(-10m, "USD"), 1));
        Assert.Throws<ArgumentException>(() => CommissionRule.Commission(new Plan(PlanKind.Percent, null, null, []), Money.Of(10m, "USD"), 1));
        Assert.Throws<ArgumentException>(() => CommissionRule.Commission(Tiered(new PlanTier(2, 10m, null)), Money.Of(10m, "USD"), 1));
    }

    [Fact]
    public void Ranks_restart_with_the_utc_calendar_month_of_the_order()
    {
        var lastInstantOfJanuary = new DateTimeOffset(2026, 1, 31, 23, 59, 59, TimeSpan.Zero);
        var sameInstantInNewYork = new DateTimeOffset(2026, 1, 31, 19, 30, 0, TimeSpan.FromHours(-5)); // 00:30 UTC on 1 February

        Assert.Equal(new DateOnly(2026, 1, 1), CommissionRule.MonthOf(lastInstantOfJanuary));
        Assert.Equal(new DateOnly(2026, 2, 1), CommissionRule.MonthOf(sameInstantInNewYork));
    }

    private static Plan Percent(decimal percent) => new(PlanKind.Percent, percent, null, []);

    private static Plan Tiered(params PlanTier[] tiers) => new(PlanKind.Tiered, null, null, tiers);

    private static decimal Dec(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
