using System.Globalization;

namespace AmbassadorNet.Analytics.Domain.Experiments;

/// <summary>
/// The report's answer in one sentence, from its results: which variants convert differently from
/// the control at the brand's α, that none does (yet), or that there is not enough data to say.
/// </summary>
public static class ExperimentConclusion
{
    public static string Of(ExperimentDesign design, IReadOnlyList<VariantResult> results, bool ended)
    {
        var control = results.Single(r => r.IsControl);
        var significant = results.Where(r => r.Comparison == "significant").ToList();
        var alpha = design.SignificanceLevel.ToString("0.###", CultureInfo.InvariantCulture);
        if (significant.Count > 0)
        {
            return string.Join(" ", significant.Select(r => string.Create(CultureInfo.InvariantCulture,
                $"{Label(r)} converts {(r.Difference > 0 ? "better" : "worse")} than {Label(control)}: {Percent(r.ConversionRate)} against {Percent(control.ConversionRate)} of clicks (adjusted p = {r.AdjustedPValue:0.####} < α = {alpha}).")));
        }

        if (results.Any(r => r.Comparison == "not_significant"))
        {
            return $"No variant converts differently from {Label(control)} at α = {alpha} {(ended ? "over the experiment" : "so far")}: the differences seen may be noise.";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"Not enough data: the control and a variant each need at least {ExperimentSample.MinimumClicks} clicks, {ExperimentSample.MinimumOrders} orders and {ExperimentSample.MinimumClicksWithoutOrder} clicks without an order before they are compared.");
    }

    private static string Label(VariantResult r) => r.Name is { Length: > 0 } name ? $"\"{name}\"" : $"\"{r.Key}\"";

    private static string Percent(decimal? rate) => rate is { } r ? (r * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "n/a";
}
