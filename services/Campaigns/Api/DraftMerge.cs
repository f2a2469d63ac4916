namespace AmbassadorNet.Campaigns.Api;

/// <summary>Merges a request into a draft: fields present replace, absent ones stay. Text that cannot be parsed is reported, not guessed.</summary>
internal static class DraftMerge
{
    public static CampaignDraft Merge(CampaignDraft d, CampaignRequest r, FieldErrors errors)
    {
        var alwaysOn = r.AlwaysOn ?? d.AlwaysOn;
        var terms = d.Terms with
        {
            Currency = r.Currency?.Trim() ?? d.Terms.Currency,
            AttributionWindowDays = r.AttributionWindowDays ?? d.Terms.AttributionWindowDays,
            HoldingPeriodDays = r.HoldingPeriodDays ?? d.Terms.HoldingPeriodDays,
            CommissionPlan = r.CommissionPlan is null ? d.Terms.CommissionPlan : ParsePlan(r.CommissionPlan, errors, "commissionPlan"),
            DestinationUrl = r.DestinationUrl?.Trim() ?? d.Terms.DestinationUrl,
            AllowedDomains = r.AllowedDomains is null ? d.Terms.AllowedDomains : Clean(r.AllowedDomains, lower: true),
            PromoDiscount = r.PromoDiscount is { } p ? new Discount(p.Percent, p.Amount) : d.Terms.PromoDiscount,
            DeliverableFee = r.DeliverableFee ?? d.Terms.DeliverableFee,
        };
        return d with
        {
            Name = r.Name?.Trim() ?? d.Name,
            Objective = r.Objective is null ? d.Objective : Parse<Objective>(r.Objective, errors, "objective"),
            AlwaysOn = alwaysOn,
            StartsAt = r.StartsAt ?? d.StartsAt,
            EndsAt = r.EndsAt ?? (alwaysOn ? null : d.EndsAt),
            Budget = r.Budget ?? d.Budget,
            TargetNiches = r.Targeting?.Niches is { } niches ? Clean(niches, lower: true) : d.TargetNiches,
            TargetTiers = r.Targeting?.Tiers is { } tiers ? Clean(tiers, lower: true) : d.TargetTiers,
            TargetCountries = r.Targeting?.Countries is { } countries ? [.. countries.Select(c => c?.Trim().ToUpperInvariant() ?? "")] : d.TargetCountries,
            KeyMessages = r.Brief?.KeyMessages is { } messages ? Clean(messages, lower: false) : d.KeyMessages,
            MustAvoid = r.Brief?.MustAvoid is { } avoid ? Clean(avoid, lower: false) : d.MustAvoid,
            RequiredDisclosure = r.Brief?.RequiredDisclosure?.Trim() ?? d.RequiredDisclosure,
            Terms = terms,
            Quotas = r.Quotas is null ? d.Quotas : ParseQuotas(r.Quotas, errors),
            ProductCategory = r.ProductCategory?.Trim() ?? d.ProductCategory,
        };
    }

    public static Plan? ParsePlan(PlanRequest request, FieldErrors errors, string field)
    {
        var kind = Parse<PlanKind>(request.Kind, errors, $"{field}.kind");
        var tiers = (request.Tiers ?? []).Select((t, i) =>
        {
            errors.Check(t?.FromRank is not null, $"{field}.tiers[{i}].fromRank", "Each tier needs fromRank.");
            return new PlanTier(t?.FromRank ?? 0, t?.Percent, t?.Amount);
        }).ToList();
        return kind is { } k ? new Plan(k, request.Percent, request.FlatAmount, tiers) : null;
    }

    public static TEnum? Parse<TEnum>(string? text, FieldErrors errors, string field) where TEnum : struct, Enum
    {
        if (SnakeCaseEnums.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        errors.Add(field, $"One of: {SnakeCaseEnums.Allowed<TEnum>()}.");
        return null;
    }

    private static List<Quota> ParseQuotas(IReadOnlyList<QuotaRequest> quotas, FieldErrors errors) =>
        quotas.Select((q, i) => Parse<DeliverableType>(q?.Type, errors, $"quotas[{i}].type") is { } type ? new Quota(type, q!.PerMonth ?? 0) : null)
            .OfType<Quota>().ToList();

    private static List<string> Clean(IEnumerable<string> values, bool lower) =>
        values.Select(v => v?.Trim() ?? "").Select(v => lower ? v.ToLowerInvariant() : v).Distinct(StringComparer.Ordinal).ToList();
}
