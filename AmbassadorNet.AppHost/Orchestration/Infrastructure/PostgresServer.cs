namespace AmbassadorNet.Orchestration.Infrastructure;

/// <summary>The PostgreSQL server every service keeps its own database on.</summary>
public sealed record PostgresServer(string Host, int Port, string Username, string Password)
{
    /// <summary>scripts/servers.sh's defaults, overridden by AMB_PG_HOST, AMB_PG_PORT, AMB_PG_USER, AMB_PG_PASSWORD.</summary>
    public static PostgresServer FromEnvironment() => new(
        EnvironmentSettings.Get("AMB_PG_HOST", "127.0.0.1"),
        EnvironmentSettings.GetPort("AMB_PG_PORT", 5432),
        EnvironmentSettings.Get("AMB_PG_USER", "amb"),
        EnvironmentSettings.Get("AMB_PG_PASSWORD", "amb"));

    /// <remarks>
    /// A server on this machine is reached without TLS: the bytes never leave the host, and
    /// encrypting them cost the tracking service about 15 % of its CPU under redirect load (profiled
    /// with perf, docs/benchmarks.md). A remote server keeps Npgsql's default (TLS when offered).
    /// </remarks>
    public string ConnectionString(string database) =>
        $"Host={Host};Port={Port};Username={Username};Password={Password};Database={database}" + (IsLoopback ? ";SSL Mode=Disable" : "");

    private bool IsLoopback => Host is "127.0.0.1" or "localhost" or "::1";
}
