using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AmbassadorNet.AppHost.Composition;
using Npgsql;

namespace AmbassadorNet.Benchmarks;

/// <summary>
/// pgbench (PostgreSQL's client package) on a scratch database of the benchmark's own: T4's baseline,
/// the write throughput this PostgreSQL gives a simple transaction on this machine right now.
/// </summary>
public static partial class Pgbench
{
    /// <summary>Creates the database when missing and (re)initializes pgbench's tables in it.</summary>
    public static async Task InitializeAsync(PostgresServer server, string database, int scale)
    {
        await using (var connection = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        await RunAsync(server, ["-i", "-q", "-s", scale.ToString(CultureInfo.InvariantCulture), database]);
    }

    /// <summary><c>pgbench -N</c> (TPC-B without the hot teller and branch updates): transactions per second.</summary>
    public static async Task<double> MeasureAsync(PostgresServer server, string database, int clients, TimeSpan duration)
    {
        var output = await RunAsync(server, ["-N", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2",
            "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), database]);
        var match = Tps().Match(output);
        return match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"no tps in pgbench's output: {output}");
    }

    private static async Task<string> RunAsync(PostgresServer server, string[] arguments)
    {
        var start = new ProcessStartInfo("pgbench", ["-h", server.Host, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", server.Username, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = server.Password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start (bench/run.sh installs it).");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"pgbench exited with {process.ExitCode}: {await output}{await errors}");
    }

    [GeneratedRegex(@"tps = ([\d.]+)")]
    private static partial Regex Tps();
}
