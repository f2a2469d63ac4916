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
        var design = new ExperimentDesign([.. experiment.Variants.Select(v => (v.Key, (string?)v.Name))], experiment.ControlVariant, experiment.SignificanceLevel);
        var range = new DateRange(Days.Of(experiment.StartedAt), experiment.EndedAt is { } ended ? Days.Of(ended) : null);
        var currency = await db.Campaigns.AsNoTracking().Where(c => c.CampaignId == experiment.CampaignId).Select(c => c.Currency).SingleOrDefaultAsync(ct);
        var minor = Currency.TryParse(currency, out var c) ? c.MinorUnits : 2;
        var posts = await queries.PostsAsync(experiment.ExperimentId, range, ct);
        return (design, currency, range, ExperimentResults.Of(design, posts, minor));
    }
}
