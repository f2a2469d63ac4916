using AmbassadorNet.TestKit.Rabbit;

namespace AmbassadorNet.TestKit.Waiting;

/// <summary>Idle when no queue of the vhost has a ready or unacknowledged message, except the ones a test expects to fill (error queues).</summary>
public sealed class QueuesIdle(TestVhost vhost, params string[] ignoredQueueSuffixes) : IQuiescenceProbe
{
    public string Name => $"queues of {vhost.Name}";

    public async Task<bool> IsIdleAsync(CancellationToken cancellationToken) =>
        (await vhost.QueuesAsync())
            .Where(q => !ignoredQueueSuffixes.Any(suffix => q.Name.EndsWith(suffix, StringComparison.Ordinal)))
            .All(q => q.IsIdle);
}
