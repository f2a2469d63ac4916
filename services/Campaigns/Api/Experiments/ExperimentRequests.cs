using AmbassadorNet.Campaigns.Domain.Experiments;

namespace AmbassadorNet.Campaigns.Api.Experiments;

/// <summary>
/// Declares an experiment in a campaign: two or more variants, the control's key, how posts are
/// assigned (<c>brand</c>, the default: the brand names each post's variant; <c>random</c>: drawn from
/// <c>seed</c>, generated and recorded when left out) and the significance level (default 0.05).
/// </summary>
public sealed record DeclareExperimentRequest(
    Guid? CampaignId, string? Name, string? Hypothesis, List<VariantRequest>? Variants, string? Control, string? Assignment, long? Seed,
    decimal? SignificanceLevel);

/// <summary>A variant: a short key posts are assigned by ("reel", "morning-post"), a name, what it is.</summary>
public sealed record VariantRequest(string? Key, string? Name, string? Description);

/// <summary>An experiment, with how many posts each variant has so far.</summary>
public sealed record ExperimentView(
    Guid Id, Guid CampaignId, string Name, string? Hypothesis, IReadOnlyList<VariantView> Variants, string Control, VariantAssignment Assignment,
    long? Seed, decimal SignificanceLevel, ExperimentStatus Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? EndReason, long Version)
{
    public static ExperimentView From(Experiment e, IReadOnlyDictionary<string, int>? posts = null) => new(
        e.Id, e.CampaignId, e.Name, e.Hypothesis, [.. e.Variants.Select(v => new VariantView(v.Key, v.Name, v.Description, posts?.GetValueOrDefault(v.Key) ?? 0))],
        e.ControlVariant, e.Assignment, e.Seed, e.SignificanceLevel, e.Status, e.CreatedAt, e.EndedAt, e.EndReason, e.Version);
}

public sealed record VariantView(string Key, string Name, string? Description, int Posts);

public sealed record ExperimentPage(IReadOnlyList<ExperimentView> Items, string? NextCursor);
