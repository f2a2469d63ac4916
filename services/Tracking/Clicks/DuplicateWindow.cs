using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Tracking.Clicks;

/// <summary>
/// Remembers when each visitor (IP hash) last clicked each link, per replica: a click within the
/// window after a counted one is a duplicate. In memory, so the redirect needs no database; with
/// several replicas behind a load balancer a visitor bounced between replicas can be counted once
/// per replica (analytics' unique clicks are then an upper bound). Old entries are swept.
/// </summary>
public sealed class DuplicateWindow(IOptions<TrackingOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(Guid Link, string IpHash), DateTimeOffset> _firstSeen = new();
    private DateTimeOffset _lastSweep = clock.GetUtcNow();

    public bool IsDuplicate(Guid linkId, string ipHash, DateTimeOffset at)
    {
        var window = options.Value.DuplicateWindow;
        var duplicate = true;
        _firstSeen.AddOrUpdate(
            (linkId, ipHash),
            _ => { duplicate = false; return at; },
            (_, seen) => at - seen < window ? seen : Fresh(at, out duplicate));
        SweepIfDue(at, window);
        return duplicate;
    }

    private static DateTimeOffset Fresh(DateTimeOffset at, out bool duplicate)
    {
        duplicate = false;
        return at;
    }

    private void SweepIfDue(DateTimeOffset now, TimeSpan window)
    {
        if (now - _lastSweep < TimeSpan.FromMinutes(1))
        {
            return;
        }

        _lastSweep = now;
        foreach (var entry in _firstSeen.Where(e => now - e.Value >= window))
        {
            _firstSeen.TryRemove(entry);
        }
    }
}
