using AmbassadorNet.Tracking;
using AmbassadorNet.Tracking.Clicks;
using AmbassadorNet.Tracking.Domain;
using Microsoft.Extensions.Options;

namespace Tracking.Tests;

/// <summary>The buffer's overflow rule: a full buffer never blocks the redirect; the click is counted dropped.</summary>
public sealed class ClickBufferTests
{
    [Fact]
    public void A_full_buffer_refuses_the_newest_click_counts_it_dropped_and_keeps_the_queued_ones()
    {
        using var stats = new RedirectStats();
        var buffer = new ClickBuffer(Options.Create(new TrackingOptions { ClickBufferCapacity = 2 }), stats);
        Click[] clicks = [NewClick(), NewClick(), NewClick()];

        foreach (var click in clicks)
        {
            buffer.Add(click);
        }

        Assert.Equal((2, 1L), (buffer.Pending, stats.Dropped));
        var queued = new List<Guid>();
        while (buffer.Reader.TryRead(out var click))
        {
            queued.Add(click.Id);
        }

        Assert.Equal([clicks[0].Id, clicks[1].Id], queued);
    }

    private static Click NewClick() => new() { Id = Guid.NewGuid(), BrandId = Guid.NewGuid(), IpHash = "h" };
}
