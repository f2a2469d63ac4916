namespace AmbassadorNet.Analytics.Domain;

/// <summary>Days are UTC calendar days: the day a fact counts on is the UTC date of its time.</summary>
public static class Days
{
    public static DateOnly Of(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);
}
