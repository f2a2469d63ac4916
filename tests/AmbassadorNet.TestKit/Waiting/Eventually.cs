namespace AmbassadorNet.TestKit.Waiting;

/// <summary>
/// Waits for eventually-consistent outcomes with a deadline (scaled by AMB_TEST_TIMEOUT_SCALE),
/// never with a bare sleep. On timeout the exception says what was awaited and what was last seen.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<T> UntilAsync<T>(
        Func<CancellationToken, Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        using var deadline = new CancellationTokenSource(timeout.HasValue ? TestTimeouts.Scaled(timeout.Value) : TestTimeouts.Default);
        T last = default!;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                last = await probe(deadline.Token);
                lastError = null;
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (!deadline.IsCancellationRequested)
            {
                lastError = e; // the thing polled may not be reachable yet
            }

            try
            {
                await Task.Delay(interval ?? DefaultInterval, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {what}; last seen: {(lastError is null ? Describe(last) : lastError.Message)}", lastError);
            }
        }
    }

    public static Task UntilAsync(Func<CancellationToken, Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(condition, done => done, what, timeout);

    /// <summary>
    /// Waits until every probe reports idle (outboxes empty, queues drained) and the value has stayed
    /// the same for <see cref="TestTimeouts.SettleWindow"/>, then returns it. Use before asserting an
    /// exact count: a count read while messages are in flight proves nothing, and RabbitMQ's queue
    /// statistics lag by their refresh interval, so one idle reading is not enough.
    /// </summary>
    public static async Task<T> SettledAsync<T>(
        Func<CancellationToken, Task<T>> probe, string what, IReadOnlyList<IQuiescenceProbe>? idle = null, TimeSpan? timeout = null)
    {
        var window = TestTimeouts.SettleWindow;
        DateTime? stableSince = null;
        T previous = default!;
        var reading = await UntilAsync(async cancellationToken =>
        {
            foreach (var check in idle ?? [])
            {
                if (!await check.IsIdleAsync(cancellationToken))
                {
                    stableSince = null;
                    return new Reading<T>(false, default!, check.Name);
                }
            }

            var value = await probe(cancellationToken);
            if (stableSince is null || !EqualityComparer<T>.Default.Equals(previous, value))
            {
                (previous, stableSince) = (value, DateTime.UtcNow);
            }

            return new Reading<T>(DateTime.UtcNow - stableSince >= window, value);
        }, r => r.Stable, what, timeout, TimeSpan.FromMilliseconds(250));
        return reading.Value;
    }

    private static string Describe(object? value) => value?.ToString() ?? "nothing";

    private sealed record Reading<T>(bool Stable, T Value, string? Busy = null)
    {
        public override string ToString() => Busy is not null ? $"{Busy} still busy" : $"{Value} (stable: {Stable})";
    }
}
