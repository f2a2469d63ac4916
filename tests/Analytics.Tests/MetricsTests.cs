using AmbassadorNet.Analytics.Consumers;
using AmbassadorNet.Analytics.Domain;
using static Analytics.Tests.Events;

namespace Analytics.Tests;

/// <summary>The derived figures and budget rules as plain functions.</summary>
public sealed class MetricsTests
{
    [Fact]
    public void Ratios_follow_the_definitions()
    {
        var m = Metrics.From(new Totals(19, 16, 2, 3, 230m, 30m, 20m, 20m), "USD");

        Assert.Equal(200m, m.NetRevenue);
        Assert.Equal(0.1875m, m.ConversionRate);       // conversions ÷ unique clicks
        Assert.Equal(1.25m, m.EarningsPerClick);       // commission ÷ unique clicks
        Assert.Equal(14.375m, m.RevenuePerClick);      // revenue ÷ unique clicks
        Assert.Equal(76.6667m, m.AverageOrderValue);   // revenue ÷ conversions
        Assert.Equal(5m, m.Roas);                      // net revenue ÷ (commission + fees)
        Assert.Equal(13.3333m, m.CostPerAcquisition);  // (commission + fees) ÷ conversions
    }

    [Fact]
    public void A_zero_denominator_gives_null_not_zero()
    {
        var m = Metrics.From(new Totals(5, 0, 5, 0, 0m, 0m, 0m, 0m), "USD");

        Assert.Null(m.ConversionRate);
        Assert.Null(m.EarningsPerClick);
        Assert.Null(m.RevenuePerClick);
        Assert.Null(m.AverageOrderValue);
        Assert.Null(m.Roas);
        Assert.Null(m.CostPerAcquisition);
    }

    [Fact]
    public void Money_is_rounded_half_away_from_zero_to_the_currency()
    {
        Assert.Equal(10.13m, Metrics.From(new Totals(0, 0, 0, 0, 10.125m, 0m, 0m, 0m), "USD").Revenue);
        Assert.Equal(1013m, Metrics.From(new Totals(0, 0, 0, 0, 1012.5m, 0m, 0m, 0m), "JPY").Revenue);
    }

    [Theory]
    [InlineData(100, 79.99, new int[0])]
    [InlineData(100, 80, new[] { 80 })]
    [InlineData(100, 100, new[] { 80, 100 })]
    [InlineData(0, 50, new int[0])]
    public void Budget_thresholds_are_reached_at_80_and_100_percent(double budget, double consumed, int[] expected)
    {
        Assert.Equal(expected, BudgetRules.Reached((decimal)budget, (decimal)consumed));
    }

    [Fact]
    public void A_click_batch_is_aggregated_per_campaign_creator_and_utc_day()
    {
        var (campaign, creator) = (Guid.NewGuid(), Guid.NewGuid());
        var late = new DateTimeOffset(2026, 3, 10, 23, 30, 0, TimeSpan.FromHours(-5)); // 04:30 UTC on the 11th
        var deltas = ClicksRecordedHandler.Aggregate([
            Click(campaign, creator, At(new DateOnly(2026, 3, 11), 1)),
            Click(campaign, creator, late, bot: true),
            Click(campaign, creator, late, duplicate: true),
            Click(campaign, creator, At(new DateOnly(2026, 3, 10), 1)),
        ]);

        var day11 = Assert.Single(deltas, d => d.Day == new DateOnly(2026, 3, 11));
        Assert.Equal((3L, 1L, 1L), (day11.Clicks, day11.UniqueClicks, day11.BotClicks));
        Assert.Equal(1, Assert.Single(deltas, d => d.Day == new DateOnly(2026, 3, 10)).UniqueClicks);
    }
}
