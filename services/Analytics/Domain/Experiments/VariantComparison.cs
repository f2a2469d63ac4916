namespace AmbassadorNet.Analytics.Domain.Experiments;

/// <summary>
/// Every variant's conversion rate against the control's: a <see cref="TwoProportionZTest"/> for each
/// variant that passes <see cref="ExperimentSample.HasEnoughForComparison"/>, the p-values of those
/// variants corrected together by <see cref="HolmCorrection"/> (a family of one is left as it is),
/// and significant when the adjusted p-value is below α. Variants without enough data take no part
/// in the correction: they are not tests, so they neither spend nor dilute α.
/// </summary>
public static class VariantComparison
{
    /// <param name="control">The control's orders and clicks.</param>
    /// <param name="variants">Every other variant's orders and clicks.</param>
    /// <param name="significance">The brand's α (strictly between 0 and 1).</param>
    /// <returns>One outcome per variant, in the order given.</returns>
    public static IReadOnlyList<VariantOutcome> AgainstControl(
        ConversionCounts control, IReadOnlyList<ConversionCounts> variants, double significance = ExperimentSample.DefaultSignificance)
    {
        ArgumentNullException.ThrowIfNull(variants);
        StatisticArguments.EnsureLevel(significance, nameof(significance));

        var tests = variants
            .Select(v => ExperimentSample.HasEnoughForComparison(control, v)
                ? TwoProportionZTest.Compare(control.Orders, control.Clicks, v.Orders, v.Clicks)
                : null)
            .ToArray();
        var tested = tests.OfType<ZTestResult>().ToArray();
        var adjusted = HolmCorrection.Adjust(tested.Select(t => t.PValue).ToArray());

        var outcomes = new VariantOutcome[tests.Length];
        var next = 0;
        for (var i = 0; i < tests.Length; i++)
        {
            if (tests[i] is not { } test)
            {
                outcomes[i] = VariantOutcome.NotEnoughData;
                continue;
            }
            var p = adjusted[next++];
            outcomes[i] = new VariantOutcome(p < significance ? ComparisonStatus.Significant : ComparisonStatus.NotSignificant, test, p);
        }
        return outcomes;
    }
}
