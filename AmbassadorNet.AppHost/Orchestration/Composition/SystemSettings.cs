using AmbassadorNet.Orchestration.Infrastructure;

namespace AmbassadorNet.Orchestration.Composition;

/// <summary>What differs between one run of the system and another.</summary>
public sealed record SystemSettings(PostgresServer Postgres, RabbitMqServer RabbitMq, string DatabasePrefix, int GatewayPort)
{
    public const int DefaultGatewayPort = 5000;

    /// <summary>
    /// scripts/servers.sh's servers; databases named ambassadornet_{service} (AMB_DATABASE_PREFIX);
    /// the gateway on port 5000 (AMB_GATEWAY_PORT, 0 for a free one).
    /// </summary>
    public static SystemSettings FromEnvironment() => new(
        PostgresServer.FromEnvironment(),
        RabbitMqServer.FromEnvironment(),
        EnvironmentSettings.Get("AMB_DATABASE_PREFIX", "ambassadornet_"),
        EnvironmentSettings.GetPort("AMB_GATEWAY_PORT", DefaultGatewayPort));
}
