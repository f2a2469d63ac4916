namespace AmbassadorNet.Messaging.Parking;

/// <summary>
/// Scoped: a handler that created a prerequisite calls <see cref="Release"/> with its key; after the
/// transaction commits, the replayer retries the messages parked on it.
/// </summary>
public sealed class ParkingReleases
{
    private readonly HashSet<string> _released = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Released => _released;

    public void Release(string prerequisite) => _released.Add(prerequisite);
}
