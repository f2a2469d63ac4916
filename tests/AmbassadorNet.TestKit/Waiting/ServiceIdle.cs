using AmbassadorNet.TestKit.Postgres;
using AmbassadorNet.TestKit.Rabbit;

namespace AmbassadorNet.TestKit.Waiting;

/// <summary>When a service on its own database and vhost has nothing in flight.</summary>
public static class ServiceIdle
{
    /// <summary>Every event on the broker (outbox empty) and every queue, error queues aside, drained.</summary>
    public static IReadOnlyList<IQuiescenceProbe> Probes(TestDatabase database, TestVhost vhost) =>
    [
        new OutboxIdle("outbox", database.ConnectionString),
        new QueuesIdle(vhost, "_error"),
    ];
}
