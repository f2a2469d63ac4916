using System.Diagnostics;
using static AmbassadorNet.Benchmarks.Figures;
using System.Net;
using System.Net.Http.Json;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.AppHost.Composition;
using Npgsql;

namespace AmbassadorNet.Benchmarks;

/// <summary>
/// T4: orders per second through <c>POST /api/conversions</c> (gateway, brand key), each attributed by
/// a promo code so attribution and the ledger accrual happen, against <c>pgbench -N</c> on the same
/// PostgreSQL. Each round runs pgbench, then the orders, back to back, with the same number of
/// clients; ratios are per round. The closed loop's latency is that of a saturated system (every
/// client waits in the queue the others make), so each round then also sends orders open-loop at half
/// the rate it just reached, as T1 does for the redirect. Then: how long until payouts' ledger holds
/// every accepted order's accrual.
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

    private sealed record HalfLoadRound(double Rate, double P50Ms, double P99Ms, long Accepted, long Refused);

    public async Task<IReadOnlyList<Figure>> RunAsync()
    {
        Log($"seeding a brand with {Creators} creators enrolled in one campaign");
        var brand = await BenchBrand.SeedAsync(system, $"T4 brand {_runTag}", Creators);
        var postgres = SystemSettings.FromEnvironment().Postgres;
        var pgbenchDatabase = EnvironmentDatabasePrefix() + "pgbench";
        Log($"pgbench -i on {pgbenchDatabase}");
        await Pgbench.InitializeAsync(postgres, pgbenchDatabase, scale: 10);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Clients, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = system.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", brand.Key);

        Log("warm-up");
        var accepted = (await OrdersAsync(http, brand, options.WarmUp)).Accepted;
        var rounds = new List<(double Tps, OrderRound Orders, HalfLoadRound Half, IReadOnlyDictionary<string, double> Cpu)>();
        for (var round = 1; round <= options.Runs; round++)
        {
            var tps = await Pgbench.MeasureAsync(postgres, pgbenchDatabase, Clients, options.Duration);
            var cpuBefore = SystemCpu.Read(system.DatabasePrefix);
            var orders = await OrdersAsync(http, brand, options.Duration);
            var cpu = SystemCpu.PerOrder(cpuBefore, SystemCpu.Read(system.DatabasePrefix), orders.Accepted);
            var half = await HalfLoadAsync(brand, orders.PerSecond / 2, options.Duration);
            accepted += orders.Accepted + half.Accepted;
            rounds.Add((tps, orders, half, cpu));
            Log($"round {round}: pgbench -N {tps:F0} tps; orders {orders.PerSecond:F0}/s, p50 {orders.P50Ms:F1} ms, p99 {orders.P99Ms:F1} ms, " +
                $"{orders.Accepted} accepted, {orders.Refused} refused; at {half.Rate:F1}/s open loop p50 {half.P50Ms:F1} ms, p99 {half.P99Ms:F1} ms, " +
                $"{half.Accepted} accepted, {half.Refused} refused");
            Log($"round {round}: CPU per order {cpu["total"]:F2} ms: " + string.Join(", ", cpu.Where(p => p.Key != "total").OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:F2}")));
        }

        var alone = await OneAtATimeAsync(http, brand);
        accepted += alone.Length;
        Log($"{alone.Length} orders one at a time: p50 {Stats.Percentile(alone, 0.5):F1} ms, max {alone[^1]:F1} ms");
        var (lag, accrued) = await LedgerCatchUpAsync(brand.Id, accepted);
        Log($"ledger: {accrued} of {accepted} accruals, complete {lag:F1} s after the last order");
        return
        [
            Median("T4.pgbench", $"pgbench -N -c {Clients}, same PostgreSQL, same rounds", rounds.Select(r => r.Tps), "tps", "baseline", null),
            Median("T4.orders", $"orders/s, POST /api/conversions via gateway, {Clients} clients closed loop, promo codes of {Creators} creators",
                rounds.Select(r => r.Orders.PerSecond), "orders/s", "", null),
            Median("T4.ratio", "orders/s ÷ pgbench tps (per round)", rounds.Select(r => r.Orders.PerSecond / r.Tps), "×", "≥ 0.5", v => v >= 0.5),
            Median("T4.cpu", "CPU per accepted order in the closed loop, all services + PostgreSQL + RabbitMQ (kernel accounting)",
                rounds.Select(r => r.Cpu["total"]), "ms", "≤ 8", v => v <= 8),
            .. rounds[0].Cpu.Keys.Where(part => part != "total").Order().Select(part =>
                Median($"T4.cpu.{part}", $"CPU per accepted order in the closed loop: {part}", rounds.Select(r => r.Cpu.GetValueOrDefault(part)), "ms", "", null)),
            Median("T4.p50", "order latency p50", rounds.Select(r => r.Orders.P50Ms), "ms", "", null),
            Median("T4.p99", "order latency p99", rounds.Select(r => r.Orders.P99Ms), "ms", "≤ 50", v => v <= 50),
            Median("T4.halfRate", "open-loop order rate: half of the round's closed-loop orders/s", rounds.Select(r => r.Half.Rate), "orders/s", "", null),
            Median("T4.halfP50", "order latency p50 at half load, from each order's due time", rounds.Select(r => r.Half.P50Ms), "ms", "", null),
            Median("T4.halfP99", "order latency p99 at half load, from each order's due time", rounds.Select(r => r.Half.P99Ms), "ms", "≤ 50", v => v <= 50),
            new Figure("T4.aloneP50", $"order latency p50, {alone.Length} orders each sent {AlonePause.TotalMilliseconds:F0} ms after the last answer (the system otherwise idle)",
                Stats.Percentile(alone, 0.5), "ms", "", null, [Stats.Percentile(alone, 0.5)]),
            new Figure("T4.aloneMax", "the slowest of those orders", alone[^1], "ms", "", null, [alone[^1]]),
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
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/api/conversions", NextOrder(brand, out var n));
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

    /// <summary>Long enough for the consumers to finish the previous order's events (T4.ledgerLag is well under it at this rate).</summary>
    private static readonly TimeSpan AlonePause = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Orders one at a time with a pause after each, so nothing else is running when one is sent: the
    /// latency of the synchronous path itself (gateway, attribution, commit), without queueing. Sorted; all accepted.
    /// </summary>
    private async Task<double[]> OneAtATimeAsync(HttpClient http, BenchBrand brand, int count = 50)
    {
        var latencies = new double[count];
        for (var i = 0; i < count; i++)
        {
            await Task.Delay(AlonePause);
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync("/api/conversions", NextOrder(brand, out var n));
            latencies[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"order {n} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        Array.Sort(latencies);
        return latencies;
    }

    /// <summary>Open loop: order i is due at start + i / rate whatever the earlier ones are doing; latency counts from then.</summary>
    private async Task<HalfLoadRound> HalfLoadAsync(BenchBrand brand, double rate, TimeSpan duration)
    {
        var latencies = new double[Math.Max(1, (int)(rate * duration.TotalSeconds))];
        long accepted = 0, refused = 0;
        var url = new Uri(system.Gateway, "/api/conversions");
        await OpenLoad.ScheduleAsync(rate, latencies.Length, connections: 4 * Clients, index =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(NextOrder(brand, out _)) };
            request.Headers.Authorization = new("Bearer", brand.Key);
            return request;
        }, (i, due, status) =>
        {
            latencies[i] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
            if (status == HttpStatusCode.Created)
            {
                Interlocked.Increment(ref accepted);
            }
            else
            {
                Interlocked.Increment(ref refused);
            }
        });
        Array.Sort(latencies);
        return new HalfLoadRound(rate, Stats.Percentile(latencies, 0.50), Stats.Percentile(latencies, 0.99), accepted, refused);
    }

    /// <summary>A new order attributed by the promo code of one of the brand's creators, in turn.</summary>
    private object NextOrder(BenchBrand brand, out long n)
    {
        n = Interlocked.Increment(ref _orderNumber);
        return new
        {
            orderId = $"t4-{_runTag}-{n}", amount = 20m + (n % 80), currency = "USD", orderedAt = DateTimeOffset.UtcNow,
            promoCode = brand.PromoCodes[(int)(n % brand.PromoCodes.Count)], customerId = $"customer-{n % 1000}",
        };
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
