namespace Security.Tests.Support;

/// <summary>What the test endpoints report about their caller.</summary>
public sealed record CallerView(Guid BrandId, Guid? ApiKeyId, IReadOnlyList<string> Roles, bool IsAdmin);
