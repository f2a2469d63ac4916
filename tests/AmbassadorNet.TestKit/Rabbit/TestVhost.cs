namespace AmbassadorNet.TestKit.Rabbit;

/// <summary>
/// A RabbitMQ virtual host of one test class: its exchanges and queues are invisible to every other
/// class, and deleting it at disposal removes them all at once. On the shared broker unless it was
/// made on another (a container of a test's own).
/// </summary>
public sealed class TestVhost : IAsyncDisposable
{
    private TestVhost(string name, RabbitBroker broker) => (Name, Broker) = (name, broker);

    public string Name { get; }

    public RabbitBroker Broker { get; }

    /// <summary>An amqp:// address of this vhost, for MassTransit or RabbitMQ.Client.</summary>
    public Uri AmqpUri(string? host = null, int? port = null) =>
        new($"amqp://{Uri.EscapeDataString(Broker.Username)}:{Uri.EscapeDataString(Broker.Password)}@" +
            $"{host ?? Broker.Host}:{port ?? Broker.Port}/{Uri.EscapeDataString(Name)}");

    public static async Task<TestVhost> CreateAsync(string purpose, RabbitBroker? broker = null)
    {
        var vhost = new TestVhost($"{TestServers.NamePrefix}{purpose.ToLowerInvariant()}_{Guid.NewGuid():N}", broker ?? RabbitBroker.Shared);
        await RabbitManagement.CreateVhostAsync(vhost.Name, vhost.Broker);
        return vhost;
    }

    public Task<IReadOnlyList<QueueStats>> QueuesAsync() => RabbitManagement.QueuesAsync(Name, Broker);

    /// <summary>
    /// Ready messages per queue, asked of the broker over AMQP (a passive declare), which answers
    /// with the count of this instant, unlike the management statistics that lag by their interval.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, uint>> ReadyNowAsync(IEnumerable<string> queues, CancellationToken cancellationToken = default)
    {
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = AmqpUri() };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        var ready = new Dictionary<string, uint>();
        foreach (var queue in queues)
        {
            // A passive declare of a missing queue closes the channel, so each queue gets its own.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            ready[queue] = (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }

        return ready;
    }

    public ValueTask DisposeAsync() => new(RabbitManagement.DeleteVhostAsync(Name, Broker));
}
