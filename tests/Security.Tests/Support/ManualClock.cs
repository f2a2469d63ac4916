namespace Security.Tests.Support;

/// <summary>A clock the test sets: for minting tokens in the past or running a service in the future.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public static ManualClock Shifted(TimeSpan offset) => new(DateTimeOffset.UtcNow + offset);
}
