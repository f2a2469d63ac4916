using AmbassadorNet.AppHost.Composition;
using Npgsql;

namespace AmbassadorNet.Benchmarks;

/// <summary>
/// The PostgreSQL settings that decide what a commit costs. The tests turn them off and the setting
/// outlives the test run, so every result says which server it measured: pgbench (T4's baseline)
/// runs several times faster without fsync, while the system's CPU-bound work does not.
/// </summary>
public sealed record PostgresDurability(string Fsync, string SynchronousCommit, string FullPageWrites)
{
    public bool AsDeployed => Fsync == "on" && SynchronousCommit == "on" && FullPageWrites == "on";

    public static async Task<PostgresDurability> ReadAsync(PostgresServer server)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync();
        return new PostgresDurability(
            await ShowAsync(connection, "fsync"), await ShowAsync(connection, "synchronous_commit"), await ShowAsync(connection, "full_page_writes"));
    }

    public override string ToString() =>
        $"fsync={Fsync} synchronous_commit={SynchronousCommit} full_page_writes={FullPageWrites}" +
        (AsDeployed ? " (as deployed)" : " (NOT as deployed: the tests' tuning; bench/run.sh removes it)");

    private static async Task<string> ShowAsync(NpgsqlConnection connection, string setting)
    {
        // SHOW takes no parameters; the names are the constants above.
        await using var show = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string)(await show.ExecuteScalarAsync())!;
    }
}
