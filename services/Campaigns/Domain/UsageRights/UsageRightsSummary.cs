namespace AmbassadorNet.Campaigns.Domain.UsageRights;

/// <summary>
/// A post's rights in one word for a day (<see cref="UsageRightsStatus"/>), with the end that matters:
/// while grants are in force, the nearest end among them (the day something is lost; null when none
/// ends); once all have ended, the last end. The list filter (<c>?rights=</c>) asks the same in SQL.
/// </summary>
public sealed record UsageRightsSummary(UsageRightsStatus Status, DateOnly? EndsOn, UsageRightsSource? Source)
{
    public static UsageRightsSummary Of(EffectiveUsageRights rights, DateOnly today, int expiringWithinDays)
    {
        var grants = rights.Grants;
        if (grants.Count == 0)
        {
            return new(UsageRightsStatus.None, null, null);
        }

        var inForce = grants.Where(g => g.InForceOn(today)).ToList();
        if (inForce.Count > 0)
        {
            var nearestEnd = inForce.Where(g => g.EndsOn is not null).Min(g => g.EndsOn);
            var expiring = nearestEnd is { } end && end.DayNumber - today.DayNumber <= expiringWithinDays;
            return new(expiring ? UsageRightsStatus.Expiring : UsageRightsStatus.Active, nearestEnd, rights.Source);
        }

        return grants.Any(g => g.StartsOn > today)
            ? new(UsageRightsStatus.NotStarted, null, rights.Source)
            : new(UsageRightsStatus.Expired, grants.Max(g => g.EndsOn), rights.Source);
    }
}
