namespace AmbassadorNet.Campaigns.Domain.Exclusivity;

/// <summary>What inviting a creator whose exclusivity conflicts with the campaign's category does.</summary>
public enum ConflictAction
{
    /// <summary>The invitation is made and carries the conflicts, for the brand to judge.</summary>
    Flag,

    /// <summary>The invitation is refused (409) and nothing is created.</summary>
    Refuse,
}

/// <summary>
/// A brand's exclusivity policy: which product categories compete (symmetric pairs) and whether a
/// conflicting invitation is flagged or refused. A brand that never set one has <see cref="Default"/>
/// (no row): flag, no pairs, so only a creator's declared exclusivity in the very same category conflicts.
/// </summary>
public sealed class ExclusivityPolicy : BrandOwnedEntity
{
    public const int MaxPairs = 200;

    public static ExclusivityPolicy Default { get; } = new() { OnConflict = ConflictAction.Flag };

    public ConflictAction OnConflict { get; set; }

    /// <summary>Each pair once, its two categories in ordinal order (<see cref="CategoryPair.Of"/>).</summary>
    public List<CategoryPair> ConflictingCategories { get; set; } = [];

    /// <summary>0 for <see cref="Default"/>; 1 for the brand's first own policy, and up by one with each change.</summary>
    public long Version { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public Guid? UpdatedByApiKeyId { get; set; }

    public bool IsDefault => Version == 0;

    /// <summary>Whether the brand lists the two categories as competing, in either order. A category never competes with itself here.</summary>
    public bool Lists(string a, string b) => ConflictingCategories.Contains(CategoryPair.Of(a, b));

    public void Change(ConflictAction onConflict, IReadOnlyList<CategoryPair> pairs, Guid? apiKeyId, DateTimeOffset now)
    {
        (OnConflict, ConflictingCategories, UpdatedByApiKeyId, UpdatedAt) = (onConflict, [.. pairs], apiKeyId, now);
        Version++;
    }
}

/// <summary>Two categories that compete; made with <see cref="Of"/> so ["cola","energy-drinks"] and its reverse are one pair.</summary>
public sealed record CategoryPair(string First, string Second)
{
    public static CategoryPair Of(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? new(a, b) : new(b, a);
}
