using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AmbassadorNet.AppHost.Composition;

/// <summary>
/// What differs between one run of the system and another, read from the AppHost's configuration:
/// environment variables (AMB_PG_HOST=...) or, from a test, arguments of the same names.
/// </summary>
public sealed record SystemSettings(PostgresServer Postgres, RabbitMqServer RabbitMq, string DatabasePrefix, int GatewayPort)
{
    public const int DefaultGatewayPort = 5000;

    public const int DefaultGatewayGrpcPort = 5001;

    /// <summary>The gateway's gRPC port, HTTP/2 without TLS (AMB_GATEWAY_GRPC_PORT; default 5001, 0 for a free one).</summary>
    public int GatewayGrpcPort { get; init; } = DefaultGatewayGrpcPort;

    /// <summary>ASPNETCORE_ENVIRONMENT of every service (AMB_SERVICES_ENVIRONMENT); "Testing" enables the shared test clock and crash points.</summary>
    public string ServicesEnvironment { get; init; } = "Development";

    /// <summary>
    /// host:port pairs on this machine the webhooks service may deliver to over http (AMB_WEBHOOK_RECEIVERS,
    /// comma-separated; default 127.0.0.1:5099, a developer's listener). Only these ports: 127.0.0.1 also
    /// serves the database and the broker.
    /// </summary>
    public IReadOnlyList<string> WebhookReceivers { get; init; } = [DefaultWebhookReceiver];

    public const string DefaultWebhookReceiver = "127.0.0.1:5099";

    /// <summary>
    /// The file holding the webhooks service's key-encryption key (AMB_WEBHOOKS_SECRETS_KEY_FILE; default
    /// ambassadornet/webhooks-secrets-key in the user's data directory, ~/.local/share): made on first use,
    /// kept like the databases.
    /// </summary>
    public string WebhooksSecretsKeyFile { get; init; } = DefaultWebhooksSecretsKeyFile;

    public static string DefaultWebhooksSecretsKeyFile =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ambassadornet", "webhooks-secrets-key");

    /// <summary>
    /// scripts/servers.sh's servers; databases named ambassadornet_{service} (AMB_DATABASE_PREFIX);
    /// the gateway on port 5000 (AMB_GATEWAY_PORT, 0 for a free one).
    /// </summary>
    public static SystemSettings From(IConfiguration configuration)
    {
        string Get(string name, string fallback) => configuration[name] is { Length: > 0 } value ? value : fallback;
        int Port(string name, int fallback)
        {
            var text = Get(name, fallback.ToString(CultureInfo.InvariantCulture));
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535
                ? port
                : throw new InvalidOperationException($"{name}={text} is not a TCP port.");
        }

        return new SystemSettings(
            new PostgresServer(Get("AMB_PG_HOST", "127.0.0.1"), Port("AMB_PG_PORT", 5432), Get("AMB_PG_USER", "amb"), Get("AMB_PG_PASSWORD", "amb")),
            // The vhost "/" always exists and servers.sh grants it; like the databases it keeps its
            // queues from one run to the next (a per-run vhost would lose messages still queued).
            new RabbitMqServer(Get("AMB_RABBIT_HOST", "127.0.0.1"), Port("AMB_RABBIT_PORT", 5672), Get("AMB_RABBIT_USER", "amb"),
                Get("AMB_RABBIT_PASSWORD", "amb"), Get("AMB_RABBIT_VHOST", "/")),
            Get("AMB_DATABASE_PREFIX", "ambassadornet_"),
            Port("AMB_GATEWAY_PORT", DefaultGatewayPort))
        {
            GatewayGrpcPort = Port("AMB_GATEWAY_GRPC_PORT", DefaultGatewayGrpcPort),
            ServicesEnvironment = Get("AMB_SERVICES_ENVIRONMENT", "Development"),
            WebhookReceivers = Get("AMB_WEBHOOK_RECEIVERS", DefaultWebhookReceiver).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            WebhooksSecretsKeyFile = Get("AMB_WEBHOOKS_SECRETS_KEY_FILE", DefaultWebhooksSecretsKeyFile),
        };
    }

    /// <summary>The settings of this process's environment variables, as ./run.sh would start the AppHost.</summary>
    public static SystemSettings FromEnvironment() => From(new ConfigurationBuilder().AddEnvironmentVariables().Build());

    /// <summary>The same settings as AppHost arguments (<c>AMB_PG_HOST=...</c>), for a test that starts the AppHost.</summary>
    public string[] ToArguments() =>
    [
        $"AMB_PG_HOST={Postgres.Host}", $"AMB_PG_PORT={Postgres.Port}", $"AMB_PG_USER={Postgres.Username}", $"AMB_PG_PASSWORD={Postgres.Password}",
        $"AMB_RABBIT_HOST={RabbitMq.Host}", $"AMB_RABBIT_PORT={RabbitMq.Port}", $"AMB_RABBIT_USER={RabbitMq.Username}",
        $"AMB_RABBIT_PASSWORD={RabbitMq.Password}", $"AMB_RABBIT_VHOST={RabbitMq.VirtualHost}",
        $"AMB_DATABASE_PREFIX={DatabasePrefix}", $"AMB_GATEWAY_PORT={GatewayPort}", $"AMB_GATEWAY_GRPC_PORT={GatewayGrpcPort}", $"AMB_SERVICES_ENVIRONMENT={ServicesEnvironment}",
        $"AMB_WEBHOOK_RECEIVERS={string.Join(',', WebhookReceivers)}", $"AMB_WEBHOOKS_SECRETS_KEY_FILE={WebhooksSecretsKeyFile}",
    ];

    /// <summary>The connection string of a service's own database.</summary>
    public string DatabaseOf(string service) => Postgres.ConnectionString(DatabasePrefix + service);
}

/// <summary>The PostgreSQL server every service keeps its own database on.</summary>
public sealed record PostgresServer(string Host, int Port, string Username, string Password)
{
    /// <remarks>
    /// A server on this machine is reached without TLS: the bytes never leave the host, and
    /// encrypting them cost the tracking service about 15 % of its CPU under redirect load (profiled
    /// with perf, docs/benchmarks.md). A remote server keeps Npgsql's default (TLS when offered).
    /// </remarks>
    public string ConnectionString(string? database = null) =>
        $"Host={Host};Port={Port};Username={Username};Password={Password}" + (database is null ? "" : $";Database={database}")
        + (Host is "127.0.0.1" or "localhost" or "::1" ? ";SSL Mode=Disable" : "");
}

/// <summary>The RabbitMQ broker and the virtual host the whole system shares.</summary>
public sealed record RabbitMqServer(string Host, int Port, string Username, string Password, string VirtualHost)
{
    public string ConnectionString => $"amqp://{Uri.EscapeDataString(Username)}:{Uri.EscapeDataString(Password)}@{Host}:{Port}/{Uri.EscapeDataString(VirtualHost)}";
}
