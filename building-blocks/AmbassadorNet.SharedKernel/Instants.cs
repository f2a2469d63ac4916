namespace AmbassadorNet.SharedKernel;

/// <summary>Points in time as PostgreSQL keeps them.</summary>
public static class Instants
{
    /// <summary>
    /// UTC, trimmed to the microsecond (PostgreSQL's precision), so that a time answered or compared
    /// now equals the same time read back from a timestamptz column later.
    /// </summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);
}
