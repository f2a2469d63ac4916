using AmbassadorNet.Contracts.Campaigns;

namespace AmbassadorNet.Campaigns.Domain.Gifts;

/// <summary>Gift events, each with the gift's version and full state.</summary>
public static class GiftEventFactory
{
    public static GiftState State(Gift g) => new(
        g.Id, g.EnrollmentId, g.CampaignId, g.CreatorId, g.PostId, g.Product, g.Sku, g.Quantity, new MoneyAmount(Currency.Normalized(g.UnitValue, g.Currency), g.Currency),
        new MoneyAmount(Currency.Normalized(g.TotalValue, g.Currency), g.Currency), SnakeCaseEnums.Name(g.Status), g.ShippedOn, g.DeliveredOn);

    public static GiftShipped Shipped(Gift g) => new(g.BrandId, g.UpdatedAt, g.Id, g.Version, State(g));

    public static GiftDelivered Delivered(Gift g) => new(g.BrandId, g.UpdatedAt, g.Id, g.Version, State(g));
}
