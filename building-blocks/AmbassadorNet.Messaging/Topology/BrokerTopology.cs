using AmbassadorNet.Messaging.Registration;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace AmbassadorNet.Messaging.Topology;

/// <summary>Talks to RabbitMQ directly for what MassTransit does not do: error queues declared up front, and moving messages out of them.</summary>
public sealed class BrokerTopology(IOptions<MessagingOptions> options, HandlerCatalog catalog)
{
    /// <summary>Declares "{endpoint}_error" exactly as MassTransit would (durable fanout exchange, durable classic queue, bound).</summary>
    public async Task DeclareErrorQueuesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        foreach (var handler in catalog.Handlers)
        {
            var name = ErrorQueues.NameFor(handler.EndpointName);
            await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(name, name, "", cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// Moves up to <paramref name="limit"/> messages from <paramref name="queue"/> to
    /// <paramref name="exchange"/>, acknowledging each only after the broker confirmed the publish,
    /// so a message is never lost in between (at worst, after a crash, it is in both places once).
    /// </summary>
    public static async Task<int> MoveAsync(
        IChannel channel, string queue, string exchange, Func<IDictionary<string, object?>, IDictionary<string, object?>> headers,
        int limit, CancellationToken cancellationToken)
    {
        var moved = 0;
        while (moved < limit && await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is { } result)
        {
            var properties = new BasicProperties(result.BasicProperties);
            properties.Headers = properties.Headers is null ? null : headers(properties.Headers);
            await channel.BasicPublishAsync(exchange, "", mandatory: false, properties, result.Body, cancellationToken);
            await channel.BasicAckAsync(result.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }

        return moved;
    }

    /// <summary>A channel whose publishes return once the broker has confirmed them.</summary>
    public static Task<IChannel> ConfirmedChannelAsync(IConnection connection, CancellationToken cancellationToken) =>
        connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);

    public async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var factory = new ConnectionFactory
        {
            HostName = settings.Host,
            Port = settings.Port,
            VirtualHost = settings.VirtualHost,
            UserName = settings.Username,
            Password = settings.Password,
            ClientProvidedName = "ambassadornet-topology",
        };
        return await factory.CreateConnectionAsync(cancellationToken);
    }
}
