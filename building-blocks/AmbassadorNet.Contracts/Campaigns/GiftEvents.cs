namespace AmbassadorNet.Contracts.Campaigns;

/// <summary>
/// Goods sent to a creator (product seeding), never cash. <see cref="TotalValue"/> = quantity ×
/// unit value, in the campaign's currency. <see cref="Status"/>: recorded, shipped, delivered,
/// cancelled. Dates are the UTC days the brand gave.
/// </summary>
public sealed record GiftState(
    Guid GiftId,
    Guid EnrollmentId,
    Guid CampaignId,
    Guid CreatorId,
    Guid? PostId,
    string Product,
    string Sku,
    int Quantity,
    MoneyAmount UnitValue,
    MoneyAmount TotalValue,
    string Status,
    DateOnly? ShippedOn,
    DateOnly? DeliveredOn);

/// <summary>A gift was shipped: its value counts in the campaign's cost on <see cref="GiftState.ShippedOn"/>.</summary>
public sealed record GiftShipped(Guid BrandId, DateTimeOffset OccurredAt, Guid GiftId, long Version, GiftState Gift) : IReplicatedState;

/// <summary>A gift reached the creator: its value counts in their payee totals for the year of <see cref="GiftState.DeliveredOn"/>.</summary>
public sealed record GiftDelivered(Guid BrandId, DateTimeOffset OccurredAt, Guid GiftId, long Version, GiftState Gift) : IReplicatedState;
