using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Reliability.Tests.Faults;

/// <summary>
/// Visitors following one tracking link as fast as they can, counting every 302 they were answered
/// and when: the test's own record of what the service promised, kept outside the service so a
/// crash cannot lose it. Failed requests (the service down) are counted and retried after a pause.
/// A paced load keeps each visitor at or below a rate, so what an outage piles up in tracking's
/// bounded click buffer does not depend on how fast this machine happens to be.
/// </summary>
public sealed class RedirectLoad : IAsyncDisposable
{
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromMilliseconds(50);
    private readonly ConcurrentQueue<long> _answeredAt = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task[] _visitors;
    private long _failures;

    private RedirectLoad(Func<Uri> target, int visitors, TimeSpan interval)
    {
        _visitors = [.. Enumerable.Range(0, visitors).Select(_ => Task.Run(() => VisitAsync(target, interval)))];
    }

    /// <param name="target">Asked before every request, so a restarted service on another address is followed.</param>
    /// <param name="visitors">Visitors requesting at once.</param>
    /// <param name="perVisitorPerSecond">At most this many requests per second per visitor; unpaced when null.</param>
    public static RedirectLoad Start(Func<Uri> target, int visitors = 8, int? perVisitorPerSecond = null) =>
        new(target, visitors, perVisitorPerSecond is { } rate ? TimeSpan.FromSeconds(1.0 / rate) : TimeSpan.Zero);

    public long Answered => _answeredAt.Count;

    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>The load's own clock, to mark a moment (a kill) and count what was answered before it.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public long AnsweredBefore(TimeSpan moment) => _answeredAt.Count(t => t < moment.Ticks);

    /// <summary>Waits until <paramref name="count"/> more redirects were answered than now.</summary>
    public async Task WaitForMoreAsync(long count, TimeSpan timeout)
    {
        var target = Answered + count;
        var deadline = _clock.Elapsed + timeout;
        while (Answered < target)
        {
            Assert.True(_clock.Elapsed < deadline, $"only {Answered} of {target} redirects answered within {timeout} ({Failures} failures)");
            await Task.Delay(20);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_visitors);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task VisitAsync(Func<Uri> target, TimeSpan interval)
    {
        var due = _clock.Elapsed;
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0");
        while (!_stop.IsCancellationRequested)
        {
            // One request per interval; a visitor that fell behind (a slow answer) does not burst to catch up.
            due = Max(due + interval, _clock.Elapsed - interval);
            if (due - _clock.Elapsed is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, CancellationToken.None);
            }

            try
            {
                // Not cancelled by the stop: a redirect in flight completes and is counted, because the
                // service stores its click either way.
                using var response = await http.GetAsync(target(), CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    _answeredAt.Enqueue(_clock.Elapsed.Ticks);
                    continue;
                }

                Interlocked.Increment(ref _failures);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _failures);
            }

            await Task.Delay(PauseAfterFailure, CancellationToken.None);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
