namespace AmbassadorNet.Gateway.Keys;

/// <summary>What a request needs to know about a live API key.</summary>
public sealed record KnownKey(Guid Id, Guid BrandId, IReadOnlyList<string> Roles, Guid? CreatorId);
