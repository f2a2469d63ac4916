namespace AmbassadorNet.Persistence.Tenancy;

/// <summary>Brand-owned data was touched in a scope that never said which brand it acts for.</summary>
public sealed class MissingBrandException()
    : InvalidOperationException("No brand is set for this scope; brand-owned data cannot be read or written without one.");
