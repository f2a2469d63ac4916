namespace AmbassadorNet.SharedKernel;

/// <summary>
/// New ids are UUIDv7: time-ordered, so they index well, and stamped from the injected clock so a
/// test that moves time also moves the ids.
/// </summary>
public static class Ids
{
    public static Guid New(TimeProvider clock) => Guid.CreateVersion7(clock.GetUtcNow());
}
