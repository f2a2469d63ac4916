using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Tracking.Clicks;

/// <summary>
/// The bounded in-memory queue between the redirect and <see cref="ClickWriter"/>. Enqueueing never
/// waits: when the writer cannot keep up (the database is down) and the buffer is full, the visitor
/// is still redirected and the click is counted as dropped rather than slowing every redirect.
/// </summary>
public sealed class ClickBuffer(IOptions<TrackingOptions> options, RedirectStats stats)
{
    private readonly Channel<Click> _channel = Channel.CreateBounded<Click>(new BoundedChannelOptions(options.Value.ClickBufferCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait, // with TryWrite: a full buffer refuses the write instead of discarding another click
    });

    public ChannelReader<Click> Reader => _channel.Reader;

    public int Pending => _channel.Reader.Count;

    public void Add(Click click)
    {
        if (!_channel.Writer.TryWrite(click))
        {
            stats.ClickDropped();
        }
    }

    /// <summary>No more clicks: the writer drains what is queued and stops.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
