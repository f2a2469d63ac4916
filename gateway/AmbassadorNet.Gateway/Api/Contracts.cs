namespace AmbassadorNet.Gateway.Api;

/// <summary><see cref="Admin"/> names the brand's first member, an admin, who holds the first key; "Initial admin" when absent.</summary>
public sealed record CreateBrandRequest(string? Name, NewMemberRequest? Admin = null);

public sealed record BrandView(Guid Id, string Name, DateTimeOffset CreatedAt);

/// <summary>A new brand, its first member (an admin) and that member's key; <see cref="IssuedApiKey.Key"/> is shown this once.</summary>
public sealed record BrandCreated(BrandView Brand, MemberView Admin, IssuedApiKey ApiKey);

/// <summary>
/// Whom a key is issued to: <see cref="MemberId"/> a member of the staff (roles at most the member's),
/// <see cref="CreatorId"/> with the roles ["creator"] a creator, neither a machine (a shop, a partner system).
/// </summary>
public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string>? Roles, Guid? CreatorId = null, Guid? MemberId = null);

/// <summary>A key as lists show it: never the secret, only its first characters. <see cref="Kind"/> is member, machine or creator.</summary>
public sealed record ApiKeyView(
    Guid Id, string Name, string Prefix, IReadOnlyList<string> Roles, string Kind, Guid? MemberId, Guid? CreatorId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>The only response that ever contains a key; the gateway keeps just its hash.</summary>
public sealed record IssuedApiKey(
    Guid Id, string Name, string Prefix, IReadOnlyList<string> Roles, string Kind, Guid? MemberId, Guid? CreatorId, DateTimeOffset CreatedAt, string Key);

public sealed record ApiKeyPage(IReadOnlyList<ApiKeyView> Items, string? NextCursor);
