using AmbassadorNet.Contracts.Campaigns;
using static AmbassadorNet.Campaigns.Domain.CampaignEventFactory;

namespace AmbassadorNet.Campaigns.Domain.Exclusivity;

/// <summary>Exclusivity events: a creator's declared exclusivity, its withdrawal, the brand's policy; and a conflict as invitations carry it.</summary>
public static class ExclusivityEventFactory
{
    public static ExclusivityConflictState State(ExclusivityConflict c) => new(c.Category, c.StartsOn, c.EndsOn, Name(c.Source), c.SourceId);

    public static CreatorExclusivityDeclared Declared(CreatorExclusivity e) =>
        new(e.BrandId, e.CreatedAt, e.Id, e.CreatorId, e.Category, e.StartsOn, e.EndsOn, e.DeclaredBy);

    public static CreatorExclusivityWithdrawn Withdrawn(CreatorExclusivity e, DateTimeOffset at) =>
        new(e.BrandId, at, e.Id, e.CreatorId, e.Category, e.StartsOn, e.EndsOn);

    public static ExclusivityPolicyChanged PolicyChanged(ExclusivityPolicy p) =>
        new(p.BrandId, p.UpdatedAt!.Value, p.Version, Name(p.OnConflict), [.. p.ConflictingCategories.Select(pair => (IReadOnlyList<string>)[pair.First, pair.Second])]);
}
