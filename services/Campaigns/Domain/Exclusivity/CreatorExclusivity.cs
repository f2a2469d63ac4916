namespace AmbassadorNet.Campaigns.Domain.Exclusivity;

/// <summary>
/// An exclusivity a creator holds with someone else (another brand, never named): during
/// <see cref="StartsOn"/>..<see cref="EndsOn"/> (whole UTC days, both included) they promote nothing
/// of <see cref="Category"/>. Declared by the creator, or recorded by the brand's staff on their
/// behalf; withdrawn by deleting it. Erasing the creator deletes theirs.
/// </summary>
public sealed class CreatorExclusivity : BrandOwnedEntity, ICreatorOwned
{
    public const string ByCreator = "creator";
    public const string ByStaff = "staff";

    public Guid CreatorId { get; set; }

    public string Category { get; set; } = "";

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary><see cref="ByCreator"/> (their own credential) or <see cref="ByStaff"/> (the brand, on their behalf).</summary>
    public string DeclaredBy { get; set; } = "";

    public Guid? DeclaredByApiKeyId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public ExclusivityPromise AsPromise() => new(PromiseSource.Declared, Category, StartsOn, EndsOn, Id);
}
