using AmbassadorNet.Contracts.Campaigns;
using static AmbassadorNet.Campaigns.Domain.CampaignEventFactory;

namespace AmbassadorNet.Campaigns.Domain.Experiments;

/// <summary>Experiment events, each with the experiment's version and full state.</summary>
public static class ExperimentEventFactory
{
    public static ExperimentState State(Experiment e) => new(
        e.Id, e.CampaignId, e.Name, e.Hypothesis, [.. e.Variants.Select(v => new ExperimentVariantState(v.Key, v.Name, v.Description))],
        e.ControlVariant, Name(e.Assignment), e.Seed, e.SignificanceLevel, Name(e.Status), e.CreatedAt, e.EndedAt, e.EndReason);

    public static ExperimentStarted Started(Experiment e) => new(e.BrandId, e.UpdatedAt, e.Id, e.Version, State(e));

    public static ExperimentEnded Ended(Experiment e) => new(e.BrandId, e.UpdatedAt, e.Id, e.Version, State(e));
}
