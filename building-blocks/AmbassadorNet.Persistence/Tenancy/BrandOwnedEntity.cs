namespace AmbassadorNet.Persistence.Tenancy;

/// <summary>A row with its own id that belongs to one brand: what most entities of every service are.</summary>
public abstract class BrandOwnedEntity : IBrandOwned
{
    public Guid Id { get; set; }

    public Guid BrandId { get; set; }
}
