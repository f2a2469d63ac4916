namespace AmbassadorNet.Campaigns.Domain.UsageRights;

/// <summary>
/// That a post's own usage rights were set, by whom and when (its grants are <see cref="UsageGrant"/>s
/// with its id). The row stays when the grants are cleared, so the last change is still on record.
/// <see cref="BrandOwnedEntity.Id"/> is the post's id: one row per post.
/// </summary>
public sealed class PostUsageRights : BrandOwnedEntity
{
    public DateTimeOffset SetAt { get; set; }

    public Guid? SetByApiKeyId { get; set; }

    /// <summary>1 when first set, up by one with each change.</summary>
    public long Version { get; set; }

    public void Set(Guid? apiKeyId, DateTimeOffset now)
    {
        (SetAt, SetByApiKeyId) = (now, apiKeyId);
        Version++;
    }
}
