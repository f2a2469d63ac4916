namespace AmbassadorNet.Campaigns.Domain;

/// <summary>Rules of a commission plan, shared by the campaign plan and the per-enrollment override.</summary>
public static class PlanRules
{
    public const int MaxTiers = 20;

    public static void Validate(FieldErrors errors, Plan plan, Currency? currency, string field)
    {
        switch (plan.Kind)
        {
            case PlanKind.Percent:
                errors.Check(plan.Percent is not null, $"{field}.percent", "A percent plan needs percent.");
                Percent(errors, plan.Percent, $"{field}.percent");
                break;
            case PlanKind.Flat:
                errors.Check(plan.FlatAmount is not null, $"{field}.flatAmount", "A flat plan needs flatAmount.");
                CampaignRules.Amount(errors, plan.FlatAmount, currency, $"{field}.flatAmount");
                break;
            case PlanKind.Tiered:
                Tiers(errors, plan.Tiers, currency, $"{field}.tiers");
                break;
        }
    }

    public static void Percent(FieldErrors errors, decimal? percent, string field) =>
        errors.Check(percent is null or >= 0 and <= 100, field, "A percentage from 0 to 100.");

    private static void Tiers(FieldErrors errors, IReadOnlyList<PlanTier> tiers, Currency? currency, string field)
    {
        if (tiers.Count is 0 or > MaxTiers)
        {
            errors.Add(field, $"A tiered plan needs 1 to {MaxTiers} tiers.");
            return;
        }

        errors.Check(tiers[0].FromRank == 1, $"{field}[0].fromRank", "The first tier starts at rank 1.");
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            errors.Check(i == 0 || tier.FromRank > tiers[i - 1].FromRank, $"{field}[{i}].fromRank", "Ranks must increase from tier to tier.");
            errors.Check(tier.Percent is null != tier.Amount is null, $"{field}[{i}]", "Give exactly one of percent or amount.");
            Percent(errors, tier.Percent, $"{field}[{i}].percent");
            CampaignRules.Amount(errors, tier.Amount, currency, $"{field}[{i}].amount");
        }
    }
}
