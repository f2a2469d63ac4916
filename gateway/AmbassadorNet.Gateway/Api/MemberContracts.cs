namespace AmbassadorNet.Gateway.Api;

/// <summary>A person of the brand's staff to add; <see cref="Roles"/> are of admin, manager, finance, analyst.</summary>
public sealed record NewMemberRequest(string? Name, string? Email, IReadOnlyList<string>? Roles = null);

public sealed record MemberRolesRequest(IReadOnlyList<string>? Roles);

/// <summary>A member as the brand's admins see them. <see cref="Status"/> is active or deactivated.</summary>
public sealed record MemberView(
    Guid Id, string Name, string? Email, IReadOnlyList<string> Roles, string Status, string? IdentityIssuer, DateTimeOffset CreatedAt, DateTimeOffset? DeactivatedAt,
    DateTimeOffset? ErasedAt = null);

public sealed record MemberPage(IReadOnlyList<MemberView> Items, string? NextCursor);
