using AmbassadorNet.Contracts.Campaigns;

namespace AmbassadorNet.Campaigns.Domain;

/// <summary>Turns campaigns and their terms into the integration events of the contracts assembly.</summary>
public static class CampaignEventFactory
{
    public static CampaignState State(Campaign c) => new(
        c.Id, c.Name, Name(c.Objective!.Value), Name(c.Status), c.StartsAt, c.EndsAt,
        c.Budget is { } budget ? new MoneyAmount(budget, c.Terms.Currency!) : null,
        Terms(c.Terms, c.TermsVersion, c.TermsEffectiveFrom!.Value), c.ProductCategory);

    public static CampaignTerms Terms(Terms t, int version, DateTimeOffset effectiveFrom) => new(
        version, effectiveFrom, t.Currency!, t.AttributionWindowDays, t.HoldingPeriodDays, WirePlans.ToWire(t.CommissionPlan!), t.DestinationUrl!,
        [.. t.AllowedDomains], t.PromoDiscount is { } d ? new PromoDiscount(d.Percent, d.Amount) : null, t.DeliverableFee);

    public static CampaignLaunched Launched(Campaign c) => new(c.BrandId, c.UpdatedAt, c.Id, c.Version, State(c));

    public static CampaignTermsChanged TermsChanged(Campaign c, CampaignTerms previous) => new(c.BrandId, c.UpdatedAt, c.Id, c.Version, State(c), previous);

    public static CampaignUpdated Updated(Campaign c) => new(c.BrandId, c.UpdatedAt, c.Id, c.Version, State(c));

    public static CampaignPaused Paused(Campaign c) => new(c.BrandId, c.UpdatedAt, c.Id, c.Version, State(c));

    public static CampaignResumed Resumed(Campaign c) => new(c.BrandId, c.UpdatedAt, c.Id, c.Version, State(c));

    public static CampaignEnded Ended(Campaign c) => new(c.BrandId, c.UpdatedAt, c.Id, c.Version, State(c));

    internal static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => SnakeCaseEnums.Name(value);
}
