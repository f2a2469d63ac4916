using System.Diagnostics;

namespace AppHost.Tests.Support;

internal static class Poll
{
    /// <summary>Polls <paramref name="condition"/> every 100 ms; returns how long it took, or null if the deadline passed.</summary>
    public static async Task<TimeSpan?> UntilAsync(Func<bool> condition, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            if (condition())
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }

        return condition() ? clock.Elapsed : null;
    }
}
