using AmbassadorNet.Analytics.Domain.Experiments;
using AmbassadorNet.Analytics.Experiments;

namespace AmbassadorNet.Analytics.Api.Experiments;

/// <summary>The experiment report, from the experiment as campaigns declared it and its posts' figures.</summary>
public sealed class ExperimentViews(AnalyticsDbContext db, ExperimentFigures figures)
{
    public async Task<ExperimentReport> ReportAsync(Guid id, CancellationToken ct)
    {
        var experiment = await db.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.ExperimentId == id, ct)
            ?? throw new NotFoundException($"No experiment {id} is known in this brand.");
        var (design, currency, range, results) = await figures.OfAsync(experiment, ct);
        return new ExperimentReport(
            id, experiment.CampaignId, experiment.Name, experiment.Status, experiment.ControlVariant, experiment.SignificanceLevel, experiment.Assignment,
            experiment.Seed, range.Start, range.To, currency, ExperimentMethod.Current, results,
            ExperimentConclusion.Of(design, results, ended: !experiment.IsRunning));
    }
}
