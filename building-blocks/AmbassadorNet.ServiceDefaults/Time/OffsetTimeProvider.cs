namespace AmbassadorNet.ServiceDefaults.Time;

/// <summary>
/// Real time plus the offset in a <see cref="ClockOffsetFile"/>. Registered only in the Testing
/// environment, so end-to-end and reliability suites can let a 30-day holding period pass while the
/// services keep running; production always gets <see cref="TimeProvider.System"/>.
/// </summary>
public sealed class OffsetTimeProvider(ClockOffsetFile offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset.Read();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
