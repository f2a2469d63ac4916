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

    public string ConnectionString(string database) =>
        $"Host={Host};Port={Port};Username={Username};Password={Password};Database={database}";
}
