using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Gateway.Keys;
using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Gateway.Api;

/// <summary>Mints a key: the row to store (hash only) and the one-time view with the secret.</summary>
internal static class NewApiKey
{
    public static (ApiKey Row, IssuedApiKey Issued) Create(Guid brandId, string name, IReadOnlyList<string> roles, Guid? createdBy, TimeProvider clock, Guid? creatorId = null)
    {
        var secret = ApiKeyFormat.Generate();
        var row = new ApiKey
        {
            Id = Ids.New(clock),
            BrandId = brandId,
            Name = name,
            DisplayPrefix = ApiKeyFormat.DisplayPrefix(secret),
            KeyHash = ApiKeyFormat.Hash(secret),
            Roles = [.. roles],
            CreatorId = creatorId,
            CreatedAt = clock.GetUtcNow(),
            CreatedByKeyId = createdBy,
        };
        return (row, new IssuedApiKey(row.Id, row.Name, row.DisplayPrefix, row.Roles, row.CreatorId, row.CreatedAt, secret));
    }

    public static ApiKeyView View(ApiKey key) => new(key.Id, key.Name, key.DisplayPrefix, key.Roles, key.CreatorId, key.CreatedAt, key.RevokedAt);
}
