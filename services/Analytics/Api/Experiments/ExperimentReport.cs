using AmbassadorNet.Analytics.Domain.Experiments;

namespace AmbassadorNet.Analytics.Api.Experiments;

/// <summary>
/// An experiment's report: what it tests, over which UTC days (its start to its end, or to today
/// while it runs), how it is judged, each variant's results and the conclusion in one sentence.
/// </summary>
public sealed record ExperimentReport(
    Guid ExperimentId, Guid CampaignId, string Name, string Status, string Control, decimal SignificanceLevel, string Assignment, long? Seed,
    DateOnly From, DateOnly? To, string? Currency, ExperimentMethod Method, IReadOnlyList<VariantResult> Variants, string Conclusion);

/// <summary>How the report judges: stated in every answer so a reader can redo the figures.</summary>
public sealed record ExperimentMethod(
    decimal Confidence, string RateInterval, string Test, string Correction, string RevenueInterval, int BootstrapResamples, ulong BootstrapSeed,
    long MinimumClicks, long MinimumOrders, long MinimumClicksWithoutOrder, int MinimumPostsForBootstrap)
{
    public static ExperimentMethod Current { get; } = new(
        (decimal)ExperimentSample.DefaultConfidence, "wilson", "two_proportion_z_test_pooled", "holm", "percentile_bootstrap_of_the_mean",
        ExperimentSample.DefaultResamples, ExperimentResults.BootstrapSeed,
        ExperimentSample.MinimumClicks, ExperimentSample.MinimumOrders, ExperimentSample.MinimumClicksWithoutOrder, ExperimentSample.MinimumPostsForBootstrap);
}
