using AmbassadorNet.TestKit.Rabbit;

namespace AmbassadorNet.TestKit.Waiting;

/// <summary>
/// Idle when no queue of the vhost has a ready or unacknowledged message, except the ones a test
/// expects to fill (error queues). Ready counts come from the broker itself (exact, this instant);
/// unacknowledged counts only exist in the management statistics, which lag, which is why
/// <see cref="Eventually.SettledAsync{T}"/> also wants the value to hold still for a while.
/// </summary>
public sealed class QueuesIdle(TestVhost vhost, params string[] ignoredQueueSuffixes) : IQuiescenceProbe
{
    public string Name => $"queues of {vhost.Name}";

    public async Task<bool> IsIdleAsync(CancellationToken cancellationToken)
    {
        var queues = (await vhost.QueuesAsync())
            .Where(q => !ignoredQueueSuffixes.Any(suffix => q.Name.EndsWith(suffix, StringComparison.Ordinal)))
            .ToList();
        if (queues.Any(q => !q.IsIdle))
        {
            return false;
        }

        var ready = await vhost.ReadyNowAsync(queues.Select(q => q.Name), cancellationToken);
        return ready.Values.All(count => count == 0);
    }
}
