using System.Globalization;
using System.Net.Sockets;
using AmbassadorNet.TestKit.Rabbit;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace AmbassadorNet.SystemTestKit.Containers;

/// <summary>
/// A RabbitMQ of a test's own: the rabbitmq image of deploy/docker, on the host's network with four
/// ports of its own on 127.0.0.1 (AMQP, management, distribution, epmd), beside the shared RabbitMQ.
/// </summary>
public sealed class BrokerContainer : OwnContainer
{
    private const string Username = "amb";
    private const string Password = "amb-container";

    private BrokerContainer(IContainer container, RabbitBroker broker)
        : base(container) => Broker = broker;

    /// <summary>Where tests and the system reach it.</summary>
    public RabbitBroker Broker { get; }

    /// <summary>Creates and starts a new container (as <c>podman run</c>); <see cref="OwnContainer.StartAsync"/> starts it again.</summary>
    public static async Task<BrokerContainer> RunAsync(CancellationToken cancellationToken = default)
    {
        var ports = HostPorts.Reserve(4);
        var (amqp, management) = (ports[0], ports[1]);
        var broker = new RabbitBroker("127.0.0.1", amqp, new Uri($"http://127.0.0.1:{management}/"), Username, Password);
        var container = new HostNetworkRabbitMqBuilder()
            .WithImage(ContainerEngine.Image("rabbitmq"))
            .WithDockerEndpoint(ContainerEngine.Endpoint)
            .WithName($"amb-test-rabbitmq-{amqp}")
            .WithCredentials(Username, Password)
            .WithEnvironment("RABBITMQ_NODE_PORT", Text(amqp))
            .WithEnvironment("RABBITMQ_MANAGEMENT_PORT", Text(management))
            .WithEnvironment("RABBITMQ_DIST_PORT", Text(ports[2]))
            .WithEnvironment("ERL_EPMD_PORT", Text(ports[3]))
            .WithEnvironment("RABBITMQ_NODENAME", $"amb{amqp}@localhost")
            .WithEnvironment("RABBITMQ_LISTEN_ADDRESS", "127.0.0.1")
            // The tests' quiescence probes read queue counts from the management API (QueuesIdle).
            .WithEnvironment("RABBITMQ_COLLECT_STATISTICS_INTERVAL", "500")
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new Answers(broker)))
            .Build();
        await container.StartAsync(cancellationToken);
        return new BrokerContainer(container, broker);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Ready once AMQP accepts a connection and the management API answers, both from the host.</summary>
    private sealed class Answers(RabbitBroker broker) : IWaitUntil
    {
        public async Task<bool> UntilAsync(IContainer container)
        {
            try
            {
                using (var tcp = new TcpClient())
                {
                    await tcp.ConnectAsync(broker.Host, broker.Port);
                }

                await RabbitManagement.QueuesAsync("/", broker);
                return true;
            }
            catch (Exception e) when (e is SocketException or HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }
    }
}
