using AmbassadorNet.Persistence.Tenancy;

namespace BuildingBlocks.Tests.Sample;

public sealed class SampleOrder : BrandOwnedEntity
{
    public string Reference { get; set; } = "";

    public decimal Amount { get; set; }

    public string Currency { get; set; } = "USD";

    public DateTimeOffset PlacedAt { get; set; }

    public string? Note { get; set; }

    public List<SampleOrderLine> Lines { get; set; } = [];
}

public sealed class SampleOrderLine
{
    public Guid Id { get; set; }

    public Guid OrderId { get; set; }

    public string Sku { get; set; } = "";

    public int Quantity { get; set; }
}
