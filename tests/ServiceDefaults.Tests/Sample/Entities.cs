using AmbassadorNet.Persistence.Tenancy;

namespace ServiceDefaults.Tests.Sample;

public sealed class Product : BrandOwnedEntity
{
    public string Name { get; set; } = "";

    public decimal Price { get; set; }
}

public sealed class ProductReplica : BrandOwnedEntity
{
    public string Name { get; set; } = "";

    public int ReviewCount { get; set; }
}
