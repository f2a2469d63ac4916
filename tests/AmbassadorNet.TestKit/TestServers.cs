namespace AmbassadorNet.TestKit;

/// <summary>
/// Where the shared test servers are. The defaults match scripts/servers.sh; override with
/// AMB_TEST_POSTGRES (an Npgsql connection string), AMB_TEST_RABBITMQ_HOST, AMB_TEST_RABBITMQ_PORT,
/// AMB_TEST_RABBITMQ_MANAGEMENT (base URL), AMB_TEST_RABBITMQ_USER and AMB_TEST_RABBITMQ_PASSWORD.
/// </summary>
public static class TestServers
{
    /// <summary>Every database and vhost the kit creates starts with this, so a run can sweep leftovers.</summary>
    public const string NamePrefix = "ambt_";

    public static string Postgres =>
        Env("AMB_TEST_POSTGRES", "Host=127.0.0.1;Port=5432;Username=amb;Password=amb;Database=postgres;SSL Mode=Disable"); // local: no TLS (PostgresServer)

    public static string RabbitHost => Env("AMB_TEST_RABBITMQ_HOST", "127.0.0.1");

    public static int RabbitPort => int.Parse(Env("AMB_TEST_RABBITMQ_PORT", "5672"), System.Globalization.CultureInfo.InvariantCulture);

    public static Uri RabbitManagement => new(Env("AMB_TEST_RABBITMQ_MANAGEMENT", "http://127.0.0.1:15672/"));

    public static string RabbitUser => Env("AMB_TEST_RABBITMQ_USER", "amb");

    public static string RabbitPassword => Env("AMB_TEST_RABBITMQ_PASSWORD", "amb");

    /// <summary>Connections per test database. The server allows a few hundred across all parallel classes.</summary>
    public static int PoolSize => int.Parse(Env("AMB_TEST_POOL_SIZE", "8"), System.Globalization.CultureInfo.InvariantCulture);

    private static string Env(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
