using AmbassadorNet.Campaigns.Domain.Exclusivity;

namespace AmbassadorNet.Campaigns.Api.Exclusivity;

/// <summary>The policy in force; <see cref="IsDefault"/> when the brand never set its own (version 0).</summary>
public sealed record ExclusivityPolicyView(
    ConflictAction OnConflict, IReadOnlyList<IReadOnlyList<string>> ConflictingCategories, bool IsDefault, long Version, DateTimeOffset? UpdatedAt, Guid? UpdatedByApiKeyId)
{
    public static ExclusivityPolicyView From(ExclusivityPolicy p) => new(
        p.OnConflict, [.. p.ConflictingCategories.Select(pair => (IReadOnlyList<string>)[pair.First, pair.Second])], p.IsDefault, p.Version, p.UpdatedAt, p.UpdatedByApiKeyId);
}

/// <summary>A creator's declared exclusivity: <c>declaredBy</c> "creator" or "staff".</summary>
public sealed record CreatorExclusivityView(Guid Id, Guid CreatorId, string Category, DateOnly StartsOn, DateOnly EndsOn, string DeclaredBy, DateTimeOffset CreatedAt)
{
    public static CreatorExclusivityView From(CreatorExclusivity e) => new(e.Id, e.CreatorId, e.Category, e.StartsOn, e.EndsOn, e.DeclaredBy, e.CreatedAt);
}

public sealed record CreatorExclusivityPage(IReadOnlyList<CreatorExclusivityView> Items, string? NextCursor);
