namespace AmbassadorNet.TestKit.Rabbit;

/// <summary>
/// A RabbitMQ virtual host of one test class: its exchanges and queues are invisible to every other
/// class, and deleting it at disposal removes them all at once.
/// </summary>
public sealed class TestVhost : IAsyncDisposable
{
    private TestVhost(string name) => Name = name;

    public string Name { get; }

    /// <summary>An amqp:// address of this vhost, for MassTransit or RabbitMQ.Client.</summary>
    public Uri AmqpUri(string? host = null, int? port = null) =>
        new($"amqp://{Uri.EscapeDataString(TestServers.RabbitUser)}:{Uri.EscapeDataString(TestServers.RabbitPassword)}@" +
            $"{host ?? TestServers.RabbitHost}:{port ?? TestServers.RabbitPort}/{Uri.EscapeDataString(Name)}");

    public static async Task<TestVhost> CreateAsync(string purpose)
    {
        var vhost = new TestVhost($"{TestServers.NamePrefix}{purpose.ToLowerInvariant()}_{Guid.NewGuid():N}");
        await RabbitManagement.CreateVhostAsync(vhost.Name);
        return vhost;
    }

    public Task<IReadOnlyList<QueueStats>> QueuesAsync() => RabbitManagement.QueuesAsync(Name);

    public ValueTask DisposeAsync() => new(RabbitManagement.DeleteVhostAsync(Name));
}
