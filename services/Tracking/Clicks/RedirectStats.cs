using System.Diagnostics.Metrics;

namespace AmbassadorNet.Tracking.Clicks;

/// <summary>
/// What this replica answered and what became of the clicks, so a benchmark or test can check
/// answered = stored + dropped + pending. Also exported as metrics (meter "AmbassadorNet.Tracking").
/// </summary>
public sealed class RedirectStats : IDisposable
{
    public const string MeterName = "AmbassadorNet.Tracking";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _answeredCounter;
    private readonly Counter<long> _storedCounter;
    private readonly Counter<long> _droppedCounter;
    private long _answered;
    private long _stored;
    private long _dropped;
    private long _batches;

    public RedirectStats()
    {
        _answeredCounter = _meter.CreateCounter<long>("tracking.redirects.answered", description: "302 redirects answered");
        _storedCounter = _meter.CreateCounter<long>("tracking.clicks.stored", description: "clicks committed with their ClicksCounted event");
        _droppedCounter = _meter.CreateCounter<long>("tracking.clicks.dropped", description: "redirects answered whose click found the buffer full");
    }

    public long Answered => Interlocked.Read(ref _answered);

    public long Stored => Interlocked.Read(ref _stored);

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Batches => Interlocked.Read(ref _batches);

    public void RedirectAnswered()
    {
        Interlocked.Increment(ref _answered);
        _answeredCounter.Add(1);
    }

    public void ClickDropped()
    {
        Interlocked.Increment(ref _dropped);
        _droppedCounter.Add(1);
    }

    public void BatchStored(int clicks)
    {
        Interlocked.Add(ref _stored, clicks);
        Interlocked.Increment(ref _batches);
        _storedCounter.Add(clicks);
    }

    public void Dispose() => _meter.Dispose();
}
