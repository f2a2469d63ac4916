namespace AmbassadorNet.Contracts.Campaigns;

/// <summary>
/// A promise not to promote products of <see cref="Category"/> (a slug) from <see cref="StartsOn"/> to
/// <see cref="EndsOn"/>, UTC days included. <see cref="Source"/>: "declared" (the creator's, with another
/// brand; <see cref="SourceId"/> is the exclusivity's id) or "agreement" (with this brand; the agreement's id).
/// </summary>
public sealed record ExclusivityConflictState(string Category, DateOnly StartsOn, DateOnly EndsOn, string Source, Guid SourceId);

/// <summary>
/// A creator declared an exclusivity they hold with someone else (no brand named), or the brand's staff
/// recorded one for them: <see cref="DeclaredBy"/> "creator" or "staff".
/// </summary>
public sealed record CreatorExclusivityDeclared(
    Guid BrandId, DateTimeOffset OccurredAt, Guid ExclusivityId, Guid CreatorId, string Category, DateOnly StartsOn, DateOnly EndsOn, string DeclaredBy) : IIntegrationEvent;

/// <summary>A declared exclusivity was withdrawn; invitations from now on no longer check it.</summary>
public sealed record CreatorExclusivityWithdrawn(
    Guid BrandId, DateTimeOffset OccurredAt, Guid ExclusivityId, Guid CreatorId, string Category, DateOnly StartsOn, DateOnly EndsOn) : IIntegrationEvent;

/// <summary>
/// The brand's exclusivity policy changed: <see cref="OnConflict"/> "flag" or "refuse", and the pairs of
/// categories it treats as competing (each pair once, either order meant).
/// </summary>
public sealed record ExclusivityPolicyChanged(
    Guid BrandId, DateTimeOffset OccurredAt, long Version, string OnConflict, IReadOnlyList<IReadOnlyList<string>> ConflictingCategories) : IIntegrationEvent;
