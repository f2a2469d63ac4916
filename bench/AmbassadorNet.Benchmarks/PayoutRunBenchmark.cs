using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Gateway.Routing;
using Npgsql;

namespace AmbassadorNet.Benchmarks;

/// <summary>T5's sizes: <c>--t5-creators 100000 --t5-commissions 1000000</c> (smaller to iterate).</summary>
public sealed record PayoutRunSizes(int Creators, int Commissions)
{
    public static PayoutRunSizes Parse(string[] args)
    {
        int Number(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new PayoutRunSizes(Number("--t5-creators", 100_000), Number("--t5-commissions", 1_000_000));
    }
}

/// <summary>
/// T5: a payout run over released commissions, timed through the gateway as finance would start it
/// (<c>POST /api/payouts/runs</c> with a brand admin key), then the same period again, which must
/// answer the existing run and create nothing. Each round seeds a brand of its own (the seed is
/// reported, not timed into the figure) and checks the outcome: one USD batch whose total is the sum
/// of the available balances before the run, one line per creator, every commission entry in exactly one line's set,
/// nothing left available.
/// </summary>
public sealed class PayoutRunBenchmark(BenchSystem system, BenchOptions options, PayoutRunSizes sizes)
{
    // A run of a million entries outlasts BenchSystem's 30 s client on a busy machine.
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(10) };

    public async Task<IReadOnlyList<Figure>> RunAsync()
    {
        var rounds = new List<(double Seed, double Run, double Rerun)>();
        for (var round = 1; round <= options.Runs; round++)
        {
            rounds.Add(await RoundAsync(round));
        }

        var what = $"{sizes.Commissions:N0} released commissions across {sizes.Creators:N0} creators";
        return
        [
            Figures.Median("T5.run", $"POST /api/payouts/runs over {what}, through the gateway", rounds.Select(r => r.Run), "s", "< 10", v => v < 10),
            Figures.Median("T5.rerun", "the same period again: the existing run, nothing created", rounds.Select(r => r.Rerun), "s", "", null),
            Figures.Median("T5.seed", "writing the seed straight into the payouts database (not part of T5.run)", rounds.Select(r => r.Seed), "s", "", null),
        ];
    }

    private async Task<(double Seed, double Run, double Rerun)> RoundAsync(int round)
    {
        var (brand, key) = await BenchBrand.CreateAsync(system, $"T5 payout brand {round}");
        var database = system.ConnectionString(GatewayServices.Payouts);
        Log($"round {round}: seeding {sizes.Commissions:N0} commissions for {sizes.Creators:N0} creators");
        var seed = await PayoutRunSeed.WriteAsync(database, brand, sizes.Creators, sizes.Commissions);
        var available = await AvailableAsync(database, brand);
        Log($"round {round}: seeded in {seed.TotalSeconds:F1} s; {available:N2} USD available");

        var periodEnd = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var (status, run) = await PostRunAsync(key, periodEnd);
        var ran = clock.Elapsed;
        clock.Restart();
        var (againStatus, again) = await PostRunAsync(key, periodEnd);
        var reran = clock.Elapsed;

        var batch = run.GetProperty("batches").EnumerateArray().Single();
        Check(status == HttpStatusCode.Created, $"the run answered {status}");
        Check(batch.GetProperty("total").GetDecimal() == available, $"batch total {batch.GetProperty("total").GetDecimal()} ≠ available {available}");
        Check(batch.GetProperty("lineCount").GetInt32() == sizes.Creators, $"{batch.GetProperty("lineCount").GetInt32()} lines for {sizes.Creators} creators");
        Check(againStatus == HttpStatusCode.OK && !again.GetProperty("created").GetBoolean(), $"the re-run answered {againStatus}");
        Check(again.GetProperty("runId").GetGuid() == run.GetProperty("runId").GetGuid(), "the re-run answered another run");
        Check(again.GetProperty("batches").EnumerateArray().Single().GetProperty("id").GetGuid() == batch.GetProperty("id").GetGuid(), "the re-run answered another batch");
        var (links, distinct, left) = await AfterAsync(database, brand);
        Check(links == sizes.Commissions && distinct == links, $"{links} entries linked to lines ({distinct} distinct), {sizes.Commissions} released");
        Check(left == 0m, $"{left} still available after the run");
        Log($"round {round}: run {ran.TotalSeconds:F2} s ({status}), re-run {reran.TotalMilliseconds:F0} ms ({againStatus}); " +
            $"{sizes.Creators:N0} lines, total {available:N2}, {links:N0} entries linked");
        return (seed.TotalSeconds, ran.TotalSeconds, reran.TotalSeconds);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostRunAsync(string key, DateTimeOffset periodEnd)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(system.Gateway, "/api/payouts/runs"))
        {
            Content = JsonContent.Create(new { periodEnd }),
        };
        request.Headers.Authorization = new("Bearer", key);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone())
            : throw new HttpRequestException($"POST /api/payouts/runs answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>What the brand owes its creators right now: the run must pay exactly this.</summary>
    private static Task<decimal> AvailableAsync(string database, Guid brand) => ScalarAsync<decimal>(database, """
        SELECT -sum(e.amount) FROM journal_entries e JOIN ledger_accounts a ON a.id = e.account_id
        WHERE a.brand_id = @brand AND a.kind = 'creator_available'
        """, brand);

    /// <summary>The entries the lines' sets hold (each must be there once) and what is left available.</summary>
    private static async Task<(long Links, long Distinct, decimal Left)> AfterAsync(string database, Guid brand) => (
        await ScalarAsync<long>(database, "SELECT count(*) FROM payout_line_entry_sets s, unnest(s.entry_ids) WHERE s.brand_id = @brand", brand),
        await ScalarAsync<long>(database, "SELECT count(DISTINCT settled) FROM payout_line_entry_sets s, unnest(s.entry_ids) settled WHERE s.brand_id = @brand", brand),
        await AvailableAsync(database, brand));

    private static async Task<T> ScalarAsync<T>(string database, string sql, Guid brand)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("brand", brand);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static void Check(bool holds, string failure)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"T5: {failure}");
        }
    }

    private static void Log(string line) => Console.Error.WriteLine($"[bench t5] {line}");
}
