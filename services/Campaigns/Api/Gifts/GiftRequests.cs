using AmbassadorNet.Campaigns.Domain.Gifts;

namespace AmbassadorNet.Campaigns.Api.Gifts;

/// <summary>
/// Records a gift to the creator of an active enrollment, optionally for one of their posts. The
/// currency is the campaign's. With <c>shippedOn</c> (and <c>deliveredOn</c>) the gift is recorded
/// as shipped (and delivered) at once.
/// </summary>
public sealed record RecordGiftRequest(
    Guid? EnrollmentId, Guid? PostId, string? Product, string? Sku, int? Quantity, decimal? UnitValue, string? Currency, DateOnly? ShippedOn, DateOnly? DeliveredOn);

/// <summary>The UTC day it happened; today when left out.</summary>
public sealed record GiftDateRequest(DateOnly? On);

public sealed record GiftView(
    Guid Id, Guid CampaignId, Guid EnrollmentId, Guid CreatorId, Guid? PostId, string Product, string Sku, int Quantity, decimal UnitValue,
    decimal TotalValue, string Currency, GiftStatus Status, DateOnly? ShippedOn, DateOnly? DeliveredOn, long Version, DateTimeOffset CreatedAt)
{
    public static GiftView From(Gift g) => new(
        g.Id, g.CampaignId, g.EnrollmentId, g.CreatorId, g.PostId, g.Product, g.Sku, g.Quantity, AmbassadorNet.SharedKernel.Currency.Normalized(g.UnitValue, g.Currency),
        AmbassadorNet.SharedKernel.Currency.Normalized(g.TotalValue, g.Currency), g.Currency, g.Status,
        g.ShippedOn, g.DeliveredOn, g.Version, g.CreatedAt);
}

public sealed record GiftPage(IReadOnlyList<GiftView> Items, string? NextCursor);
