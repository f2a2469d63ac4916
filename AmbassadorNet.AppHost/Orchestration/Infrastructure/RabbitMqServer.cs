namespace AmbassadorNet.Orchestration.Infrastructure;

/// <summary>The RabbitMQ broker and the virtual host the whole system shares.</summary>
public sealed record RabbitMqServer(string Host, int Port, string Username, string Password, string VirtualHost)
{
    /// <summary>
    /// scripts/servers.sh's defaults, overridden by AMB_RABBIT_HOST, AMB_RABBIT_PORT, AMB_RABBIT_USER,
    /// AMB_RABBIT_PASSWORD and AMB_RABBIT_VHOST. The default vhost is "/": it always exists and
    /// servers.sh grants it, and like the databases it keeps its queues from one run to the next.
    /// </summary>
    public static RabbitMqServer FromEnvironment() => new(
        EnvironmentSettings.Get("AMB_RABBIT_HOST", "127.0.0.1"),
        EnvironmentSettings.GetPort("AMB_RABBIT_PORT", 5672),
        EnvironmentSettings.Get("AMB_RABBIT_USER", "amb"),
        EnvironmentSettings.Get("AMB_RABBIT_PASSWORD", "amb"),
        EnvironmentSettings.Get("AMB_RABBIT_VHOST", "/"));
}
