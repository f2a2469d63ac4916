namespace AmbassadorNet.Campaigns.Domain.Gifts;

public enum GiftStatus
{
    Recorded,
    Shipped,
    Delivered,
    Cancelled,
}

/// <summary>
/// Product seeding: goods sent to a creator, never cash. Recorded → Shipped → Delivered, or
/// Recorded → Cancelled. The value (quantity × unit value, in the campaign's currency) counts in the
/// campaign's cost when shipped and in the creator's payee totals when delivered (some tax regimes
/// treat gifts as income). Each change bumps <see cref="Version"/>; shipping and delivery publish an event.
/// </summary>
public sealed class Gift : BrandOwnedEntity, ICreatorOwned
{
    public Guid CampaignId { get; set; }

    public Guid EnrollmentId { get; set; }

    public Guid CreatorId { get; set; }

    /// <summary>The post the gift was for, if any (one of the enrollment's).</summary>
    public Guid? PostId { get; set; }

    public string Product { get; set; } = "";

    public string Sku { get; set; } = "";

    public int Quantity { get; set; }

    public decimal UnitValue { get; set; }

    public string Currency { get; set; } = "";

    public GiftStatus Status { get; set; }

    public DateOnly? ShippedOn { get; set; }

    public DateOnly? DeliveredOn { get; set; }

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public decimal TotalValue => Quantity * UnitValue;

    public void Ship(DateOnly on, DateTimeOffset now)
    {
        Move(now, GiftStatus.Shipped, "ship", GiftStatus.Recorded);
        ShippedOn = on;
    }

    /// <summary>Delivered on a day not before it was shipped.</summary>
    public void Deliver(DateOnly on, DateTimeOffset now)
    {
        if (Status == GiftStatus.Shipped && on < ShippedOn)
        {
            throw new RequestValidationException("deliveredOn", $"Not before the gift was shipped ({ShippedOn:yyyy-MM-dd}).");
        }

        Move(now, GiftStatus.Delivered, "deliver", GiftStatus.Shipped);
        DeliveredOn = on;
    }

    public void Cancel(DateTimeOffset now) => Move(now, GiftStatus.Cancelled, "cancel", GiftStatus.Recorded);

    private void Move(DateTimeOffset now, GiftStatus to, string action, GiftStatus from)
    {
        if (Status != from)
        {
            throw new ConflictException($"Cannot {action} a gift that is {SnakeCaseEnums.Name(Status)}.");
        }

        Status = to;
        Version++;
        UpdatedAt = now;
    }
}
