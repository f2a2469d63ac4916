using System.Threading.Channels;

namespace AmbassadorNet.Messaging;

/// <summary>
/// A wake-up call for a background loop: many notifications collapse into one, and a waiter returns
/// on the next notification or when its timeout passes, whichever is first.
/// </summary>
public abstract class Pulse
{
    private readonly Channel<bool> _pulses = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _pulses.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _pulses.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the timeout passed without a notification
        }
    }
}
