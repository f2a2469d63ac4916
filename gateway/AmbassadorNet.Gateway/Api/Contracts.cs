namespace AmbassadorNet.Gateway.Api;

public sealed record CreateBrandRequest(string? Name);

public sealed record BrandView(Guid Id, string Name, DateTimeOffset CreatedAt);

/// <summary>A new brand and its first admin key; <see cref="IssuedApiKey.Key"/> is shown this once.</summary>
public sealed record BrandCreated(BrandView Brand, IssuedApiKey ApiKey);

/// <summary><see cref="CreatorId"/> with the roles ["creator"] makes a creator credential bound to that creator.</summary>
public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string>? Roles, Guid? CreatorId = null);

/// <summary>A key as lists show it: never the secret, only its first characters.</summary>
public sealed record ApiKeyView(Guid Id, string Name, string Prefix, IReadOnlyList<string> Roles, Guid? CreatorId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>The only response that ever contains a key; the gateway keeps just its hash.</summary>
public sealed record IssuedApiKey(Guid Id, string Name, string Prefix, IReadOnlyList<string> Roles, Guid? CreatorId, DateTimeOffset CreatedAt, string Key);

public sealed record ApiKeyPage(IReadOnlyList<ApiKeyView> Items, string? NextCursor);
