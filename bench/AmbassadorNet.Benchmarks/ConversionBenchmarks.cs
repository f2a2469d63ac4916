using System.Diagnostics;
using static AmbassadorNet.Benchmarks.Figures;
using System.Net;
using System.Net.Http.Json;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Orchestration.Infrastructure;
using Npgsql;

namespace AmbassadorNet.Benchmarks;

/// <summary>
/// T4: orders per second through <c>POST /api/conversions</c> (gateway, brand key), each attributed by
/// a promo code so attribution and the ledger accrual happen, against <c>pgbench -N</c> on the same
/// PostgreSQL. Each round runs pgbench, then the orders, back to back, with the same number of
/// clients; ratios are per round. Then: how long until payouts' ledger holds every accepted order's accrual.
/// </summary>
public sealed class ConversionBenchmarks(BenchSystem system, BenchOptions options)
{
    /// <summary>pgbench's client count, and the orders' too, so both sides get the same concurrency.</summary>
    private const int Clients = 8;

    /// <summary>
    /// One enrollment serializes on its month-rank row (docs/services/tracking.md): 50 enrollments and
    /// 8 clients make two orders of one enrollment at once rare, as in a brand with many creators.
    /// </summary>
    private const int Creators = 50;

    private readonly string _runTag = Guid.NewGuid().ToString("N")[..8];
    private long _orderNumber;

    private sealed record OrderRound(double PerSecond, double P50Ms, double P99Ms, long Accepted, long Refused);

    public async Task<IReadOnlyList<Figure>> RunAsync()
    {
        Log($"seeding a brand with {Creators} creators enrolled in one campaign");
        var brand = await BenchBrand.SeedAsync(system, $"T4 brand {_runTag}", Creators);
        var postgres = PostgresServer.FromEnvironment();
        var pgbenchDatabase = EnvironmentDatabasePrefix() + "pgbench";
        Log($"pgbench -i on {pgbenchDatabase}");
        await Pgbench.InitializeAsync(postgres, pgbenchDatabase, scale: 10);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Clients, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = system.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", brand.Key);

        Log("warm-up");
        var accepted = (await OrdersAsync(http, brand, options.WarmUp)).Accepted;
        var rounds = new List<(double Tps, OrderRound Orders)>();
        for (var round = 1; round <= options.Runs; round++)
        {
            var tps = await Pgbench.MeasureAsync(postgres, pgbenchDatabase, Clients, options.Duration);
            var orders = await OrdersAsync(http, brand, options.Duration);
            accepted += orders.Accepted;
            rounds.Add((tps, orders));
            Log($"round {round}: pgbench -N {tps:F0} tps; orders {orders.PerSecond:F0}/s, p50 {orders.P50Ms:F1} ms, p99 {orders.P99Ms:F1} ms, " +
                $"{orders.Accepted} accepted, {orders.Refused} refused");
        }

        var (lag, accrued) = await LedgerCatchUpAsync(brand.Id, accepted);
        Log($"ledger: {accrued} of {accepted} accruals, complete {lag:F1} s after the last order");
        return
        [
            Median("T4.pgbench", $"pgbench -N -c {Clients}, same PostgreSQL, same rounds", rounds.Select(r => r.Tps), "tps", "baseline", null),
            Median("T4.orders", $"orders/s, POST /api/conversions via gateway, {Clients} clients closed loop, promo codes of {Creators} creators",
                rounds.Select(r => r.Orders.PerSecond), "orders/s", "", null),
            Median("T4.ratio", "orders/s ÷ pgbench tps (per round)", rounds.Select(r => r.Orders.PerSecond / r.Tps), "×", "≥ 0.5", v => v >= 0.5),
            Median("T4.p50", "order latency p50", rounds.Select(r => r.Orders.P50Ms), "ms", "", null),
            Median("T4.p99", "order latency p99", rounds.Select(r => r.Orders.P99Ms), "ms", "≤ 50", v => v <= 50),
            new Figure("T4.ledgerLag", "last order accepted → payouts' ledger holds every accepted order's accrual", lag, "s", "", null, [lag]),
            new Figure("T4.ledgerGap", "accepted orders − accruals in the ledger (warm-up included)", accepted - accrued, "orders", "0",
                accepted == accrued, [accepted, accrued]),
        ];
    }

    /// <summary>Closed loop: each client posts its next order as soon as the last one is answered.</summary>
    private async Task<OrderRound> OrdersAsync(HttpClient http, BenchBrand brand, TimeSpan duration)
    {
        long accepted = 0, refused = 0;
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task<List<double>> Client()
        {
            var latencies = new List<double>();
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var n = Interlocked.Increment(ref _orderNumber);
                var order = new
                {
                    orderId = $"t4-{_runTag}-{n}", amount = 20m + (n % 80), currency = "USD", orderedAt = DateTimeOffset.UtcNow,
                    promoCode = brand.PromoCodes[(int)(n % brand.PromoCodes.Count)], customerId = $"customer-{n % 1000}",
                };
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/api/conversions", order);
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref accepted);
                }
                else if (Interlocked.Increment(ref refused) <= 3)
                {
                    Log($"order {n} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }

            return latencies;
        }

        var all = (await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(Client)))).SelectMany(l => l).ToArray();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Array.Sort(all);
        return new OrderRound(accepted / elapsed, Stats.Percentile(all, 0.50), Stats.Percentile(all, 0.99), accepted, refused);
    }

    /// <summary>Polls payouts' journal for the brand's accrual transactions until there is one per accepted order (10 minutes at most).</summary>
    private async Task<(double Seconds, long Accrued)> LedgerCatchUpAsync(Guid brandId, long accepted)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = DateTime.UtcNow.AddMinutes(10);
        await using var connection = new NpgsqlConnection(system.ConnectionString(GatewayServices.Payouts));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM journal_transactions WHERE brand_id = @brand AND cause_type = 'commission_accrued'", connection);
        count.Parameters.AddWithValue("brand", brandId);
        while (true)
        {
            var accrued = (long)(await count.ExecuteScalarAsync())!;
            if (accrued >= accepted || DateTime.UtcNow > deadline)
            {
                return (Stopwatch.GetElapsedTime(started).TotalSeconds, accrued);
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The databases of the bench are ambbench_* (bench/run.sh); pgbench's scratch database follows them.</summary>
    private static string EnvironmentDatabasePrefix() =>
        Environment.GetEnvironmentVariable("AMB_DATABASE_PREFIX") is { Length: > 0 } prefix ? prefix : "ambbench_";

    private static void Log(string line) => Console.Error.WriteLine($"[t4] {line}");
}
