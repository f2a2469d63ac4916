namespace AmbassadorNet.Gateway.Data;

/// <summary>A tenant. Services keep no registry of brands: the id in the internal token is their tenant key.</summary>
public sealed class Brand
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
