using AmbassadorNet.Contracts.Creators;

namespace AmbassadorNet.Campaigns.Domain;

/// <summary>
/// What campaigns knows of a creator, built only from the creators service's events. A newer
/// <see cref="Version"/> replaces the row; an older or equal one is ignored, so duplicated and
/// reordered events end in the same state. An erased creator stays as a tombstone so a late older
/// event cannot bring them back.
/// </summary>
public sealed class CreatorReplica : IBrandOwned
{
    public const string Approved = "approved";
    public const string Erased = "erased";

    public Guid CreatorId { get; set; }

    public Guid BrandId { get; set; }

    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>The handle of the largest account: tracking makes readable promo codes from it.</summary>
    [PersonalData]
    public string? Handle { get; set; }

    public string Country { get; set; } = "";

    public List<string> Niches { get; set; } = [];

    /// <summary>The creators service's status ("approved", "suspended"…), or "erased".</summary>
    public string Status { get; set; } = "";

    public string Tier { get; set; } = "";

    public long Followers { get; set; }

    public decimal? EngagementRate { get; set; }

    /// <summary>Followers of each platform's account ("instagram" → 42000), from the last stat snapshots: what a post is measured against.</summary>
    public Dictionary<string, long> FollowersByPlatform { get; set; } = [];

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsApproved => Status == Approved;

    /// <summary>Applies the state of an event that is newer than the replica (the caller checks).</summary>
    public void Apply(CreatorState state, long version, DateTimeOffset occurredAt)
    {
        (DisplayName, Country, Niches, Status, Tier) = (state.DisplayName, state.Country, [.. state.Niches], state.Status, state.Tier);
        (Followers, EngagementRate, Version, UpdatedAt) = (state.Followers, state.EngagementRate, version, occurredAt);
        Handle = state.Accounts.OrderByDescending(a => a.Followers).Select(a => a.Handle).FirstOrDefault();
        FollowersByPlatform = state.Accounts.GroupBy(a => a.Platform, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(a => a.Followers), StringComparer.Ordinal);
    }

    /// <summary>Scrubs what was copied of the person; the id stays because enrollments refer to it.</summary>
    public void Erase(long version, DateTimeOffset occurredAt) =>
        (DisplayName, Handle, Status, Version, UpdatedAt) = ("Erased creator", null, Erased, version, occurredAt);
}
