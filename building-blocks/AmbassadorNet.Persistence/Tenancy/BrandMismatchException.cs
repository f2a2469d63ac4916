namespace AmbassadorNet.Persistence.Tenancy;

/// <summary>A save would write a row of another brand than the one the scope acts for.</summary>
public sealed class BrandMismatchException(string entity, Guid rowBrand, Guid scopeBrand)
    : InvalidOperationException($"A {entity} of brand {rowBrand} cannot be saved in a scope acting for brand {scopeBrand}.");
