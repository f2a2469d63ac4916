namespace AmbassadorNet.Campaigns.Domain;

/// <summary>
/// Every editable field of a campaign in one value: a create or a PATCH is merged into the current
/// draft and the whole is validated, so cross-field rules (the destination inside the allowed
/// domains, dates in order, amounts in the currency's minor unit) hold after every change.
/// </summary>
public sealed record CampaignDraft(
    string? Name,
    Objective? Objective,
    bool AlwaysOn,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    decimal? Budget,
    IReadOnlyList<string> TargetNiches,
    IReadOnlyList<string> TargetTiers,
    IReadOnlyList<string> TargetCountries,
    IReadOnlyList<string> KeyMessages,
    IReadOnlyList<string> MustAvoid,
    string? RequiredDisclosure,
    Terms Terms,
    IReadOnlyList<Quota> Quotas,
    string? ProductCategory = null)
{
    public static CampaignDraft New { get; } = new(null, null, true, null, null, null, [], [], [], [], [], null, Terms.Empty, []);

    public static CampaignDraft From(Campaign c) => new(
        c.Name, c.Objective, c.AlwaysOn, c.StartsAt, c.EndsAt, c.Budget, c.TargetNiches, c.TargetTiers, c.TargetCountries,
        c.KeyMessages, c.MustAvoid, c.RequiredDisclosure, c.Terms, c.Quotas, c.ProductCategory);

    /// <summary>Copies everything but the terms, which a launched campaign changes only through <see cref="Campaign.ChangeTerms"/>.</summary>
    public void ApplyDetailsTo(Campaign c)
    {
        (c.Name, c.Objective, c.AlwaysOn, c.StartsAt, c.EndsAt, c.Budget) = (Name ?? "", Objective, AlwaysOn, StartsAt, EndsAt, Budget);
        (c.TargetNiches, c.TargetTiers, c.TargetCountries) = ([.. TargetNiches], [.. TargetTiers], [.. TargetCountries]);
        (c.KeyMessages, c.MustAvoid, c.RequiredDisclosure, c.Quotas) = ([.. KeyMessages], [.. MustAvoid], RequiredDisclosure, [.. Quotas]);
        c.ProductCategory = ProductCategory;
    }
}
