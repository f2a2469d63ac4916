namespace AmbassadorNet.Campaigns.Domain.UsageRights;

/// <summary>
/// A brand's usage-rights settings: how many days before rights end a notice goes out (largest first).
/// A brand that never set its own has <see cref="Default"/> (no row).
/// </summary>
public sealed class UsageRightsPolicy : BrandOwnedEntity
{
    public const int MaxThresholds = 10;

    public const int MaxDays = 365;

    public static UsageRightsPolicy Default { get; } = new() { ExpiryNoticeDays = [30, 7, 1] };

    /// <summary>Distinct, 1 to 365, largest first: the first is also the window in which lists call rights "expiring".</summary>
    public List<int> ExpiryNoticeDays { get; set; } = [];

    /// <summary>0 for <see cref="Default"/>; 1 for the brand's first own policy, and up by one with each change.</summary>
    public long Version { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public Guid? UpdatedByApiKeyId { get; set; }

    public bool IsDefault => Version == 0;

    public int ExpiringWithinDays => ExpiryNoticeDays[0];

    public void Change(IReadOnlyList<int> days, Guid? apiKeyId, DateTimeOffset now)
    {
        (ExpiryNoticeDays, UpdatedByApiKeyId, UpdatedAt) = ([.. days.OrderDescending()], apiKeyId, now);
        Version++;
    }
}
