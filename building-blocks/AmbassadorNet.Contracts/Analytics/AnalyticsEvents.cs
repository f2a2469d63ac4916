namespace AmbassadorNet.Contracts.Analytics;

/// <summary>
/// A campaign's consumed budget (commission net of reversals plus deliverable fees, in the
/// campaign's currency) reached <paramref name="ThresholdPercent"/> (80 or 100) of its budget.
/// Published once per campaign and threshold, even if reversals later bring consumption back down.
/// Informational only: commission is never refused because of budget.
/// </summary>
public sealed record CampaignBudgetThresholdReached(
    Guid BrandId,
    DateTimeOffset OccurredAt,
    Guid CampaignId,
    int ThresholdPercent,
    MoneyAmount Budget,
    MoneyAmount Consumed) : IIntegrationEvent;

/// <summary>
/// A variant of an experiment converts differently from the control at the brand's significance
/// level: a two-proportion z-test on orders ÷ unique clicks, Holm-adjusted across the experiment's
/// variants (docs/services/analytics.md, "Experiments"). Published once per experiment and variant,
/// the first time it is significant, even if later figures take it back below; the report always
/// shows the current verdict.
/// </summary>
public sealed record ExperimentSignificanceReached(
    Guid BrandId,
    DateTimeOffset OccurredAt,
    Guid ExperimentId,
    Guid CampaignId,
    string Variant,
    string ControlVariant,
    long VariantClicks,
    long VariantOrders,
    long ControlClicks,
    long ControlOrders,
    decimal VariantConversionRate,
    decimal ControlConversionRate,
    decimal AdjustedPValue,
    decimal SignificanceLevel) : IIntegrationEvent;
