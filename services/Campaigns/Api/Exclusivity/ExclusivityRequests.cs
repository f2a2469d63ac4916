namespace AmbassadorNet.Campaigns.Api.Exclusivity;

/// <summary>
/// The brand's whole exclusivity policy, replacing the one in force: <c>onConflict</c> "refuse" or
/// "flag", and up to 200 pairs of competing product categories (slugs), either order, never a
/// category with itself, each pair once.
/// </summary>
public sealed record ExclusivityPolicyRequest(string? OnConflict, IReadOnlyList<IReadOnlyList<string?>?>? ConflictingCategories);

/// <summary>An exclusivity the creator holds with someone else: a product category (slug) and the UTC days, both included.</summary>
public sealed record DeclareExclusivityRequest(string? Category, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>The brand's staff records a creator's exclusivity on their behalf.</summary>
public sealed record RecordExclusivityRequest(Guid? CreatorId, string? Category, DateOnly? StartsOn, DateOnly? EndsOn);
