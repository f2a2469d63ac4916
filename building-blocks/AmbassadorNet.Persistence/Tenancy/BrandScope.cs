namespace AmbassadorNet.Persistence.Tenancy;

/// <summary>
/// The brand the current request or message acts for: set once per scope from the internal token
/// (HTTP) or from the event (consumers). Code that truly spans brands, such as a scheduled job,
/// says so with <c>IgnoreQueryFilters([BrandScopedDbContext.BrandFilter])</c>.
/// </summary>
public sealed class BrandScope
{
    private Guid? _brandId;

    public bool IsSet => _brandId is not null;

    public Guid BrandId => _brandId ?? throw new MissingBrandException();

    /// <summary>
    /// The creator a creator credential acts as, within the brand; null for every other caller. Set, it
    /// narrows every <see cref="ICreatorOwned"/> query to that creator's rows.
    /// </summary>
    public Guid? CreatorId { get; private set; }

    public void SetCreator(Guid creatorId)
    {
        if (creatorId == Guid.Empty)
        {
            throw new ArgumentException("A creator id cannot be empty.", nameof(creatorId));
        }

        if (CreatorId is { } current && current != creatorId)
        {
            throw new InvalidOperationException($"This scope already acts as creator {current}; it cannot switch to {creatorId}.");
        }

        CreatorId = creatorId;
    }

    public void Set(Guid brandId)
    {
        if (brandId == Guid.Empty)
        {
            throw new ArgumentException("A brand id cannot be empty.", nameof(brandId));
        }

        if (_brandId is not null && _brandId != brandId)
        {
            throw new InvalidOperationException($"This scope already acts for brand {_brandId}; it cannot switch to {brandId}.");
        }

        _brandId = brandId;
    }
}
