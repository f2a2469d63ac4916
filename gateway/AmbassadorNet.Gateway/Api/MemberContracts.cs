namespace AmbassadorNet.Gateway.Api;

/// <summary>A person of the brand's staff to add; <see cref="Roles"/> are of admin, manager, finance, analyst.</summary>
public sealed record NewMemberRequest(string? Name, string? Email, IReadOnlyList<string>? Roles = null);

public sealed record MemberRolesRequest(IReadOnlyList<string>? Roles);

/// <summary>The creator of the brand's programme the member also is; null clears the link.</summary>
public sealed record MemberCreatorRequest(Guid? CreatorId);

/// <summary>
/// A member as the brand's admins see them. <see cref="Status"/> is active, deactivated or erased; <see cref="CreatorId"/> is the
/// creator of the brand's programme the member also is, if linked.
/// </summary>
public sealed record MemberView(
    Guid Id, string Name, string? Email, IReadOnlyList<string> Roles, string Status, string? IdentityIssuer, DateTimeOffset CreatedAt, DateTimeOffset? DeactivatedAt,
    DateTimeOffset? ErasedAt = null, Guid? CreatorId = null);

public sealed record MemberPage(IReadOnlyList<MemberView> Items, string? NextCursor);
