namespace AmbassadorNet.Persistence.Tenancy;

/// <summary>An entity that belongs to one brand. Queries see only the current brand's rows.</summary>
public interface IBrandOwned
{
    Guid BrandId { get; }
}
