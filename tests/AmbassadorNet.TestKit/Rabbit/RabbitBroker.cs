namespace AmbassadorNet.TestKit.Rabbit;

/// <summary>
/// A RabbitMQ server the tests reach over AMQP and its management API: the shared one scripts/servers.sh
/// runs (<see cref="Shared"/>), or a container of a test's own.
/// </summary>
public sealed record RabbitBroker(string Host, int Port, Uri Management, string Username, string Password)
{
    public static RabbitBroker Shared { get; } = new(TestServers.RabbitHost, TestServers.RabbitPort, TestServers.RabbitManagement,
        TestServers.RabbitUser, TestServers.RabbitPassword);
}
