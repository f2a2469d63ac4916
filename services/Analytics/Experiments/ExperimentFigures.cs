using AmbassadorNet.Analytics.Domain.Experiments;
using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Analytics.Experiments;

/// <summary>
/// An experiment's results as they stand: its posts' figures from the day it started to the day it
/// ended (or today), per variant. Shared by the report and the significance monitor, so both judge
/// the same numbers.
/// </summary>
public sealed class ExperimentFigures(AnalyticsDbContext db, ExperimentQueries queries)
{
    public async Task<(ExperimentDesign Design, string? Currency, DateRange Range, IReadOnlyList<VariantResult> Results)> OfAsync(
        ExperimentDimension experiment, CancellationToken ct)
    {
        var currency = await db.Campaigns.AsNoTracking().Where(c => c.CampaignId == experiment.CampaignId).Select(c => c.Currency).SingleOrDefaultAsync(ct);
        var minor = Currency.TryParse(currency, out var c) ? c.MinorUnits : 2;
        var posts = await queries.PostsAsync(experiment.ExperimentId, RangeOf(experiment), ct);
        return (DesignOf(experiment), currency, RangeOf(experiment), ExperimentResults.Of(DesignOf(experiment), posts, minor));
    }

    /// <summary>The verdict alone (counts and outcomes, no intervals): what the significance check needs after every batch of facts.</summary>
    public async Task<(ExperimentDesign Design, IReadOnlyDictionary<string, (ConversionCounts Counts, VariantOutcome? Outcome)> Comparison)> CompareAsync(
        ExperimentDimension experiment, CancellationToken ct)
    {
        var posts = await queries.PostsAsync(experiment.ExperimentId, RangeOf(experiment), ct);
        return (DesignOf(experiment), ExperimentResults.Compare(DesignOf(experiment), posts));
    }

    private static ExperimentDesign DesignOf(ExperimentDimension e) =>
        new([.. e.Variants.Select(v => (v.Key, (string?)v.Name))], e.ControlVariant, e.SignificanceLevel);

    private static DateRange RangeOf(ExperimentDimension e) => new(Days.Of(e.StartedAt), e.EndedAt is { } ended ? Days.Of(ended) : null);
}
