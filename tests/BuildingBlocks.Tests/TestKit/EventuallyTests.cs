using AmbassadorNet.TestKit.Waiting;

namespace BuildingBlocks.Tests.TestKit;

public sealed class EventuallyTests
{
    [Fact]
    public async Task Settled_waits_until_the_probes_are_idle_and_the_value_holds_still()
    {
        var busyPolls = 3;
        var count = 0;
        var idle = new CountdownProbe(() => --busyPolls < 0);

        var settled = await Eventually.SettledAsync(_ => Task.FromResult(count = Math.Min(count + 1, 4)), "the count", [idle]);

        Assert.Equal(4, settled);
    }

    [Fact]
    public async Task A_condition_that_never_holds_times_out_with_what_was_last_seen()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            Eventually.UntilAsync(_ => Task.FromResult(7), n => n == 8, "eight", TimeSpan.FromMilliseconds(400)));

        Assert.Contains("eight", error.Message);
        Assert.Contains("7", error.Message);
    }

    private sealed class CountdownProbe(Func<bool> idle) : IQuiescenceProbe
    {
        public string Name => "countdown";

        public Task<bool> IsIdleAsync(CancellationToken cancellationToken) => Task.FromResult(idle());
    }
}
