using AmbassadorNet.Persistence.Tenancy;

namespace ServiceDefaults.Tests.Sample;

public sealed class Product : IBrandOwned
{
    public Guid Id { get; set; }

    public Guid BrandId { get; set; }

    public string Name { get; set; } = "";

    public decimal Price { get; set; }
}

public sealed class ProductReplica : IBrandOwned
{
    public Guid Id { get; set; }

    public Guid BrandId { get; set; }

    public string Name { get; set; } = "";

    public int ReviewCount { get; set; }
}
