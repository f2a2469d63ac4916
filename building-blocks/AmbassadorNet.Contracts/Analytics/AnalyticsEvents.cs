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
