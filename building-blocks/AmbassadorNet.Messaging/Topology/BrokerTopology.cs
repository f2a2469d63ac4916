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
