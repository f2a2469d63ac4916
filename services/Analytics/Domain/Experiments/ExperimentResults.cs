namespace AmbassadorNet.Analytics.Domain.Experiments;

/// <summary>What an experiment is: its variants in order (key, name), the control's key, the brand's α.</summary>
public sealed record ExperimentDesign(IReadOnlyList<(string Key, string? Name)> Variants, string Control, decimal SignificanceLevel);

/// <summary>A post of the experiment and what its own link and code brought: unique clicks, orders, revenue.</summary>
public sealed record VariantPost(Guid PostId, string Variant, long Clicks, long Orders, decimal Revenue);

/// <summary>
/// A variant's figures: posts, unique clicks, orders, revenue; conversion rate = orders ÷ clicks
/// with its Wilson interval, revenue per post with its bootstrap interval; and against the control
/// (<see cref="Comparison"/>: control, not_enough_data, not_significant, significant) the difference
/// of rates, z, the two-sided p-value and its Holm adjustment. An interval or test below
/// <see cref="ExperimentSample"/>'s minimum is null: the report says "not enough data" rather than
/// show noise as a figure.
/// </summary>
public sealed record VariantResult(
    string Key, string? Name, bool IsControl, int Posts, long Clicks, long Orders, decimal Revenue,
    decimal? ConversionRate, decimal? ConversionRateLow, decimal? ConversionRateHigh,
    decimal? RevenuePerPost, decimal? RevenuePerPostLow, decimal? RevenuePerPostHigh,
    string Comparison, decimal? Difference, decimal? Z, decimal? PValue, decimal? AdjustedPValue);

/// <summary>
/// Turns an experiment's posts into per-variant results. Intervals are at
/// <see cref="ExperimentSample.DefaultConfidence"/>; the bootstrap takes
/// <see cref="ExperimentSample.DefaultResamples"/> resamples with the fixed seed
/// <see cref="BootstrapSeed"/>, so the same figures always give the same interval.
/// </summary>
public static class ExperimentResults
{
    /// <summary>The bootstrap's seed, fixed and stated so that anyone can redo an interval.</summary>
    public const ulong BootstrapSeed = 20_261_206;

    public const string Control = "control";

    /// <param name="moneyDecimals">Revenue per post is rounded to 4 decimals (money per unit), revenue to the currency's minor unit.</param>
    public static IReadOnlyList<VariantResult> Of(ExperimentDesign design, IReadOnlyList<VariantPost> posts, int moneyDecimals)
    {
        var comparison = Compare(design, posts);
        return [.. design.Variants.Select(v => Result(
            v.Key, v.Name, [.. posts.Where(p => p.Variant == v.Key)], comparison[v.Key].Counts, comparison[v.Key].Outcome, moneyDecimals))];
    }

    /// <summary>
    /// Each variant's orders and clicks and, for every variant but the control, its outcome against the
    /// control (null for the control): the verdict alone, without the intervals, for the significance check.
    /// </summary>
    public static IReadOnlyDictionary<string, (ConversionCounts Counts, VariantOutcome? Outcome)> Compare(ExperimentDesign design, IReadOnlyList<VariantPost> posts)
    {
        var counts = design.Variants.ToDictionary(
            v => v.Key, v => posts.Where(p => p.Variant == v.Key).Aggregate(new ConversionCounts(0, 0), (c, p) => new ConversionCounts(c.Orders + p.Orders, c.Clicks + p.Clicks)),
            StringComparer.Ordinal);
        var others = design.Variants.Select(v => v.Key).Where(k => k != design.Control).ToList();
        var outcomes = VariantComparison.AgainstControl(counts[design.Control], [.. others.Select(k => counts[k])], (double)design.SignificanceLevel);
        return counts.ToDictionary(
            c => c.Key, c => (c.Value, others.IndexOf(c.Key) is var i and >= 0 ? outcomes[i] : (VariantOutcome?)null), StringComparer.Ordinal);
    }

    private static VariantResult Result(string key, string? name, List<VariantPost> posts, ConversionCounts counts, VariantOutcome? outcome, int moneyDecimals)
    {
        var revenue = posts.Sum(p => p.Revenue);
        var rate = ExperimentSample.HasEnoughForRate(counts) ? WilsonInterval.Of(counts.Orders, counts.Clicks, ExperimentSample.DefaultConfidence) : null;
        var perPost = ExperimentSample.HasEnoughForBootstrap(posts.Count)
            ? BootstrapInterval.OfMean([.. posts.Select(p => p.Revenue)], ExperimentSample.DefaultConfidence, ExperimentSample.DefaultResamples, BootstrapSeed)
            : null;
        var test = outcome?.Test;
        return new VariantResult(
            key, name, outcome is null, posts.Count, counts.Clicks, counts.Orders, Metrics.Round(revenue, moneyDecimals),
            Metrics.Ratio(counts.Orders, counts.Clicks, Metrics.RateDecimals), Rate(rate?.Low), Rate(rate?.High),
            Metrics.Ratio(revenue, posts.Count, Metrics.PerUnitDecimals), PerUnit(perPost?.Low), PerUnit(perPost?.High),
            outcome is null ? Control : Name(outcome.Status),
            Rate(test?.Difference), test is null ? null : Metrics.Round((decimal)test.Z, 4), Rate(test?.PValue), Rate(outcome?.AdjustedPValue));
    }

    private static string Name(ComparisonStatus status) => status switch
    {
        ComparisonStatus.Significant => "significant",
        ComparisonStatus.NotSignificant => "not_significant",
        _ => "not_enough_data",
    };

    private static decimal? Rate(double? value) => value is { } v ? Metrics.Round((decimal)v, Metrics.RateDecimals) : null;

    private static decimal? PerUnit(decimal? value) => value is { } v ? Metrics.Round(v, Metrics.PerUnitDecimals) : null;
}
