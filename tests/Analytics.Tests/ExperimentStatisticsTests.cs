using AmbassadorNet.Analytics.Domain.Experiments;

namespace Analytics.Tests;

/// <summary>
/// The statistics of content experiments as plain functions, against figures worked out by hand
/// (the steps are beside each figure) or read from standard normal tables.
/// </summary>
public sealed class ExperimentStatisticsTests
{
    [Fact]
    public void The_normal_cdf_matches_the_tables()
    {
        Assert.Equal(0.5, NormalDistribution.Cdf(0));                                // symmetry: Φ(0) = ½ exactly
        Assert.Equal(0.975, NormalDistribution.Cdf(1.959963985), 1e-10);            // the 97.5% point of the tables
        Assert.Equal(0.158655253931457, NormalDistribution.Cdf(-1), 1e-14);         // tables: Φ(−1) = 0.1586552539
        Assert.Equal(0.841344746068543, NormalDistribution.Cdf(1), 1e-14);          // 1 − Φ(−1)
        Assert.Equal(0.00620966532577614, NormalDistribution.Cdf(-2.5), 1e-16);     // tables: Φ(−2.5) = 0.0062096653
        Assert.Equal(2.86651571879194e-7, NormalDistribution.Cdf(-5), 1e-19);       // tables: Φ(−5) = 2.8665157e-7, kept to 1e-12 relative
        Assert.Equal(7.61985302416053e-24, NormalDistribution.Cdf(-10), 1e-35);     // deep tail: Φ(−10) = 7.6198530e-24, kept to 1e-11 relative
        Assert.Equal(0.0, NormalDistribution.Cdf(double.NegativeInfinity));
        Assert.Equal(1.0, NormalDistribution.Cdf(double.PositiveInfinity));
    }

    [Fact]
    public void The_normal_quantile_inverts_the_cdf()
    {
        Assert.Equal(1.959963984540054, NormalDistribution.Quantile(0.975), 1e-12);  // tables: z₀.₀₂₅ = 1.959963985
        Assert.Equal(2.575829303548901, NormalDistribution.Quantile(0.995), 1e-12);  // tables: z₀.₀₀₅ = 2.575829304
        Assert.Equal(-1.959963984540054, NormalDistribution.Quantile(0.025), 1e-12); // Φ⁻¹(p) = −Φ⁻¹(1 − p)
        Assert.Equal(-6.361340902404056, NormalDistribution.Quantile(1e-10), 1e-9);  // Acklam's tail branch (p < 0.02425)
        Assert.Equal(0.0, NormalDistribution.Quantile(0.5));
        Assert.Equal(double.NegativeInfinity, NormalDistribution.Quantile(0));
        Assert.Equal(double.PositiveInfinity, NormalDistribution.Quantile(1));
        Assert.Equal(1.959963984540054, NormalDistribution.TwoSidedCriticalValue(0.95), 1e-12); // Φ⁻¹(1 − 0.05/2)
        foreach (var p in new[] { 1e-300, 1e-6, 0.01, 0.02425, 0.3, 0.7, 0.99, 1 - 1e-9 })
            Assert.Equal(p, NormalDistribution.Cdf(NormalDistribution.Quantile(p)), p * 1e-12);
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.Quantile(1.5));
    }

    [Fact]
    public void The_wilson_interval_of_81_successes_in_263_trials_at_95_percent_is_0_2553_to_0_3662()
    {
        // p̂ = 81/263 = 0.307985; z = 1.959964, z² = 3.841459; z²/n = 3.841459/263 = 0.014606
        // centre = (p̂ + z²/2n)/(1 + z²/n) = (0.307985 + 0.007303)/1.014606 = 0.315288/1.014606 = 0.310749
        // p̂(1 − p̂)/n = 0.307985 × 0.692015/263 = 0.213130/263 = 0.00081038; z²/4n² = 3.841459/276,676 = 0.00001388
        // half-width = z/(1 + z²/n) × √(0.00081038 + 0.00001388) = 1.931748 × 0.028710 = 0.055461
        // interval = 0.310749 ∓ 0.055461 = (0.255288, 0.366210)
        var interval = WilsonInterval.Of(81, 263, 0.95);

        Assert.NotNull(interval);
        Assert.Equal(0.2553, Math.Round(interval.Low, 4));
        Assert.Equal(0.3662, Math.Round(interval.High, 4));
        Assert.Equal(0.255288, interval.Low, 1e-6);
        Assert.Equal(0.366210, interval.High, 1e-6);
    }

    [Fact]
    public void The_wilson_interval_of_0_successes_in_10_starts_at_exactly_0()
    {
        // p̂ = 0: centre = half-width = (z²/2n)/(1 + z²/n), so low = 0 and high = 2 × that = z²/(n + z²)
        // = 3.841459/(10 + 3.841459) = 3.841459/13.841459 = 0.277533
        var interval = WilsonInterval.Of(0, 10, 0.95);

        Assert.NotNull(interval);
        Assert.Equal(0.0, interval.Low);
        Assert.Equal(0.277533, interval.High, 1e-6);
        Assert.Equal(1.0, WilsonInterval.Of(10, 10, 0.95)!.High);                       // the mirror image ends at exactly 1
        Assert.Equal(1 - 0.277533, WilsonInterval.Of(10, 10, 0.95)!.Low, 1e-6);
    }

    [Fact]
    public void The_wilson_interval_of_no_trials_is_null_and_impossible_counts_are_refused()
    {
        Assert.Null(WilsonInterval.Of(0, 0, 0.95));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(11, 10, 0.95));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(1, 10, 1.0));
    }

    [Fact]
    public void The_z_test_of_30_in_200_against_50_in_200_gives_z_2_5_and_p_0_012419()
    {
        // rates 30/200 = 0.15 and 50/200 = 0.25; pooled p̂ = 80/400 = 0.2
        // SE = √(0.2 × 0.8 × (1/200 + 1/200)) = √(0.16 × 0.01) = √0.0016 = 0.04
        // z = (0.25 − 0.15)/0.04 = 2.5; p = 2 × Φ(−2.5) = 2 × 0.0062096653 = 0.0124193307
        var test = TwoProportionZTest.Compare(30, 200, 50, 200);

        Assert.Equal(0.10, test.Difference, 1e-12);
        Assert.Equal(2.5, test.Z, 1e-12);
        Assert.Equal(0.0124193307, test.PValue, 1e-10);

        var reversed = TwoProportionZTest.Compare(50, 200, 30, 200);                  // a worse variant: same p, negative z
        Assert.Equal((-0.10, -2.5, 0.0124193307), (Math.Round(reversed.Difference, 12), Math.Round(reversed.Z, 12), Math.Round(reversed.PValue, 10)));
    }

    [Fact]
    public void The_z_test_of_two_groups_with_no_spread_is_z_0_and_p_1()
    {
        // both 0%: p̂ = 0, SE = √(0 × 1 × …) = 0; both 100%: p̂ = 1, SE = √(1 × 0 × …) = 0
        Assert.Equal(new ZTestResult(0, 0, 1), TwoProportionZTest.Compare(0, 100, 0, 50));
        Assert.Equal(new ZTestResult(0, 0, 1), TwoProportionZTest.Compare(100, 100, 50, 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoProportionZTest.Compare(0, 0, 5, 100));
    }

    [Fact]
    public void Holm_adjusts_0_01_0_04_0_03_to_0_03_0_06_0_06()
    {
        // m = 3, ascending 0.01 (1st), 0.03 (3rd), 0.04 (2nd):
        // 0.01 × 3 = 0.03; 0.03 × 2 = 0.06, max(0.03, 0.06) = 0.06; 0.04 × 1 = 0.04, max(0.06, 0.04) = 0.06
        var adjusted = HolmCorrection.Adjust([0.01, 0.04, 0.03]);

        Assert.Equal([0.03, 0.06, 0.06], adjusted.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void Holm_keeps_the_order_of_the_raw_p_values_and_caps_at_1()
    {
        // ascending 0.02 × 3 = 0.06; 0.5 × 2 = 1.0; 0.6 × 1 = 0.6, max(1.0, 0.6) = 1.0
        Assert.Equal([1.0, 1.0, 0.06], HolmCorrection.Adjust([0.6, 0.5, 0.02]).Select(p => Math.Round(p, 12)));
        // 0.6 × 2 = 1.2, capped at 1; 0.7 × 1 = 0.7, max(1, 0.7) = 1
        Assert.Equal([1.0, 1.0], HolmCorrection.Adjust([0.6, 0.7]));
        Assert.Equal([0.037], HolmCorrection.Adjust([0.037]));                         // one test: nothing to correct
        Assert.Empty(HolmCorrection.Adjust([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => HolmCorrection.Adjust([0.5, double.NaN]));
    }

    [Fact]
    public void The_bootstrap_interval_is_the_same_for_the_same_seed()
    {
        decimal[] revenue = [0m, 0m, 12.50m, 3m, 0m, 80m, 7.25m, 0m, 19.99m, 1m];

        var first = BootstrapInterval.OfMean(revenue, 0.95, 2_000, seed: 42);
        var again = BootstrapInterval.OfMean(revenue, 0.95, 2_000, seed: 42);
        var otherSeed = BootstrapInterval.OfMean(revenue, 0.95, 2_000, seed: 43);

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void The_bootstrap_interval_of_10_20_30_40_50_contains_the_mean_30()
    {
        // mean = 150/5 = 30; every resample mean lies between the smallest and largest value
        var interval = BootstrapInterval.OfMean([10m, 20m, 30m, 40m, 50m], 0.95, 2_000, seed: 7);

        Assert.NotNull(interval);
        Assert.InRange(30m, interval.Low, interval.High);
        Assert.True(interval.Low > 10m && interval.High < 50m, $"{interval} is narrower than the range of the values");
    }

    [Fact]
    public void The_bootstrap_interval_takes_the_kth_smallest_and_kth_largest_resample_mean()
    {
        // k = ⌈B × (1 − confidence)/2⌉: 2,000 × 0.05/2 = 50; 2,000 × 0.10/2 = 100; 2,000 × 0.80/2 = 800; 10 × 0.05/2 = 0.25 → 1
        Assert.Equal((50, 100, 800, 1), (BootstrapInterval.TailRank(2_000, 0.95), BootstrapInterval.TailRank(2_000, 0.90), BootstrapInterval.TailRank(2_000, 0.20), BootstrapInterval.TailRank(10, 0.95)));

        // Values {0, 1}: a resample mean is 0 (¼ of draws, ~500 of 2,000, sd ~19), ½ (~1,000) or 1 (~500).
        // At 95% the 50th smallest and 50th largest fall among the 0s and the 1s: (0, 1).
        // At 20% the 800th smallest and 800th largest fall among the ½s: (½, ½).
        Assert.Equal(new DecimalInterval(0m, 1m), BootstrapInterval.OfMean([0m, 1m], 0.95, 2_000, seed: 1));
        Assert.Equal(new DecimalInterval(0.5m, 0.5m), BootstrapInterval.OfMean([0m, 1m], 0.20, 2_000, seed: 1));
    }

    [Fact]
    public void The_bootstrap_interval_of_equal_values_is_that_value_and_of_fewer_than_2_is_null()
    {
        Assert.Equal(new DecimalInterval(19.99m, 19.99m), BootstrapInterval.OfMean([19.99m, 19.99m, 19.99m, 19.99m, 19.99m, 19.99m, 19.99m], 0.95, 2_000, seed: 3));
        Assert.Null(BootstrapInterval.OfMean([5m], 0.95, 2_000, seed: 3));
        Assert.Null(BootstrapInterval.OfMean([], 0.95, 2_000, seed: 3));
    }

    [Fact]
    public void The_generator_reproduces_the_published_splitmix64_outputs_for_seed_0()
    {
        // The first outputs of SplitMix64 from state 0 in Vigna's reference implementation.
        var state = 0UL;
        Assert.Equal(0xE220A8397B1DCDAFUL, Xoshiro256StarStar.SplitMix64(ref state));
        Assert.Equal(0x6E789E6AA1B965F4UL, Xoshiro256StarStar.SplitMix64(ref state));
        Assert.Equal(0x06C45D188009454FUL, Xoshiro256StarStar.SplitMix64(ref state));
    }

    [Fact]
    public void A_variant_with_99_clicks_is_not_enough_data_and_one_with_exactly_100_clicks_and_5_orders_is_reported()
    {
        var control = new ConversionCounts(Orders: 30, Clicks: 200);

        var outcomes = VariantComparison.AgainstControl(control, [new(Orders: 10, Clicks: 99), new(Orders: 5, Clicks: 100)], 0.05);

        Assert.Equal(VariantOutcome.NotEnoughData, outcomes[0]);
        Assert.Null(outcomes[0].AdjustedPValue);
        Assert.NotEqual(ComparisonStatus.NotEnoughData, outcomes[1].Status);
        Assert.NotNull(outcomes[1].Test);
    }

    [Theory]
    [InlineData(100, 5, true)]   // 100 clicks, 5 orders, 95 without
    [InlineData(99, 5, false)]   // too few clicks
    [InlineData(100, 4, false)]  // too few orders
    [InlineData(100, 95, true)]  // 5 clicks without an order
    [InlineData(100, 96, false)] // 4 clicks without an order
    [InlineData(100, 120, false)] // more orders than clicks (promo codes): never a rate above 1
    public void The_sample_rule_needs_100_clicks_5_orders_and_5_clicks_without_an_order(long clicks, long orders, bool enough)
    {
        Assert.Equal(enough, ExperimentSample.HasEnoughForRate(new ConversionCounts(orders, clicks)));
        Assert.Equal(enough, ExperimentSample.HasEnoughForComparison(new ConversionCounts(30, 200), new ConversionCounts(orders, clicks)));
        Assert.Equal(enough, ExperimentSample.HasEnoughForComparison(new ConversionCounts(orders, clicks), new ConversionCounts(30, 200)));
        Assert.Equal((false, true), (ExperimentSample.HasEnoughForBootstrap(4), ExperimentSample.HasEnoughForBootstrap(5)));
    }

    [Fact]
    public void Holm_runs_over_the_variants_with_enough_data_only()
    {
        // control 30/200. A = 50/200: p = 0.012419 (worked out above).
        // B = 47/200: p̂ = 77/400 = 0.1925, SE = √(0.1925 × 0.8075 × 0.01) = √0.0015544 = 0.039426,
        //   z = (0.235 − 0.15)/0.039426 = 2.15592, p = 2 × Φ(−2.15592) = 0.031090.
        // C = 20/99 has 99 clicks: not enough data, so m = 2 (not 3):
        //   A: 0.012419 × 2 = 0.024839; B: 0.031090 × 1 = 0.031090, max(0.024839, 0.031090) = 0.031090; both < 0.05.
        //   (Had C counted, B would be 0.031090 × 2 = 0.062180 and not significant.)
        var outcomes = VariantComparison.AgainstControl(new(30, 200), [new(50, 200), new(47, 200), new(20, 99)], 0.05);

        Assert.Equal(ComparisonStatus.Significant, outcomes[0].Status);
        Assert.Equal(0.024839, outcomes[0].AdjustedPValue!.Value, 1e-6);
        Assert.Equal(ComparisonStatus.Significant, outcomes[1].Status);
        Assert.Equal(0.031090, outcomes[1].AdjustedPValue!.Value, 1e-6);
        Assert.Equal(2.15592, outcomes[1].Test!.Z, 1e-5);
        Assert.Equal(VariantOutcome.NotEnoughData, outcomes[2]);
    }

    [Fact]
    public void Two_variants_each_at_p_0_031_are_not_significant_after_holm_but_one_alone_is()
    {
        // two variants at 47/200, each p = 0.031090: ascending 0.031090 × 2 = 0.062180, then max(0.062180, 0.031090 × 1) = 0.062180 ≥ 0.05
        var pair = VariantComparison.AgainstControl(new(30, 200), [new(47, 200), new(47, 200)], 0.05);
        var alone = VariantComparison.AgainstControl(new(30, 200), [new(47, 200)], 0.05);

        Assert.All(pair, o => Assert.Equal(ComparisonStatus.NotSignificant, o.Status));
        Assert.All(pair, o => Assert.Equal(0.062180, o.AdjustedPValue!.Value, 1e-6));
        Assert.True(Assert.Single(alone).IsSignificant);
        Assert.Equal(0.031090, alone[0].AdjustedPValue!.Value, 1e-6);               // a family of one: the plain p-value
        Assert.Equal(ComparisonStatus.NotSignificant, VariantComparison.AgainstControl(new(30, 200), [new(47, 200)], 0.01)[0].Status); // the brand's stricter α
    }

    [Fact]
    public void A_control_without_enough_data_leaves_every_variant_without_a_test()
    {
        var outcomes = VariantComparison.AgainstControl(new(4, 500), [new(50, 200), new(47, 200)]);

        Assert.All(outcomes, o => Assert.Equal(VariantOutcome.NotEnoughData, o));
    }
}
