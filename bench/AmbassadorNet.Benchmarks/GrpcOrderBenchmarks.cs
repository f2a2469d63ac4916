using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AmbassadorNet.Partner.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using static AmbassadorNet.Benchmarks.Figures;

namespace AmbassadorNet.Benchmarks;

/// <summary>
/// G1: orders per second over one gRPC order stream (the gateway's gRPC port) against
/// <c>POST /api/conversions</c> with 8 clients, alternately in each round on the same brand and
/// system; and the events per second one subscriber of the brand's event stream receives while the
/// orders flow (it reads through both halves of each round). Each order is attributed by a promo code, as in T4.
/// </summary>
public sealed class GrpcOrderBenchmarks(BenchSystem system, BenchOptions options)
{
    private const int HttpClients = 8;
    private const int Creators = 50;

    private readonly string _runTag = Guid.NewGuid().ToString("N")[..8];
    private long _orderNumber;

    public async Task<IReadOnlyList<Figure>> RunAsync()
    {
        Log($"seeding a brand with {Creators} creators enrolled in one campaign");
        var brand = await BenchBrand.SeedAsync(system, $"G1 brand {_runTag}", Creators);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = HttpClients, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = system.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", brand.Key);
        using var channel = GrpcChannel.ForAddress(system.GrpcGateway);
        var headers = new Metadata { { "authorization", $"Bearer {brand.Key}" } };

        Log("warm-up");
        await HttpOrdersAsync(http, brand, options.WarmUp / 2);
        await StreamOrdersAsync(channel, headers, brand, options.WarmUp / 2);
        var rounds = new List<(double Http, double Grpc, double Events)>();
        for (var round = 1; round <= options.Runs; round++)
        {
            // The subscriber reads through both halves of the round, so each carries the same extra load.
            using var subscriber = new CancellationTokenSource();
            var started = Stopwatch.GetTimestamp();
            var counting = CountEventsAsync(channel, headers, subscriber.Token);
            var viaHttp = await HttpOrdersAsync(http, brand, options.Duration);
            var viaGrpc = await StreamOrdersAsync(channel, headers, brand, options.Duration);
            var events = await counting.StopAsync(subscriber, Stopwatch.GetElapsedTime(started));
            rounds.Add((viaHttp, viaGrpc.PerSecond, events));
            Log($"round {round}: HTTP {viaHttp:F0} orders/s ({HttpClients} clients); one gRPC stream {viaGrpc.PerSecond:F0} orders/s; subscriber {events:F0} events/s meanwhile");
        }

        return
        [
            Median("G1.http", $"orders/s, POST /api/conversions via gateway, {HttpClients} clients closed loop", rounds.Select(r => r.Http), "orders/s", "baseline", null),
            Median("G1.grpc", "orders/s over one gRPC order stream via the gateway's gRPC port", rounds.Select(r => r.Grpc), "orders/s", "", null),
            Median("G1.ratio", "one gRPC stream ÷ 8 HTTP clients (per round)", rounds.Select(r => r.Grpc / r.Http), "×", "", null),
            Median("G1.events", "events/s one subscriber receives while the orders of both halves flow", rounds.Select(r => r.Events), "events/s", "", null),
        ];
    }

    /// <summary>Closed loop: each client posts its next order as soon as the last one is answered.</summary>
    private async Task<double> HttpOrdersAsync(HttpClient http, BenchBrand brand, TimeSpan duration)
    {
        long accepted = 0;
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, HttpClients).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var order = NextOrder(brand);
                using var response = await http.PostAsJsonAsync("/api/conversions", new
                {
                    orderId = order.OrderId, amount = order.Amount.Amount, currency = "USD", orderedAt = order.OrderedAt.ToDateTimeOffset(), promoCode = order.PromoCode,
                });
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref accepted);
                }
            }
        })));
        return accepted / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>One stream: orders written as fast as flow control lets them through for the duration, then every result read.</summary>
    private async Task<(double PerSecond, TimeSpan Window)> StreamOrdersAsync(GrpcChannel channel, Metadata headers, BenchBrand brand, TimeSpan duration)
    {
        using var call = new OrderStream.OrderStreamClient(channel).Post(headers);
        var started = Stopwatch.GetTimestamp();
        var reading = Task.Run(async () =>
        {
            long accepted = 0, refused = 0;
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                if (call.ResponseStream.Current.OutcomeCase == OrderStreamResult.OutcomeOneofCase.Conversion)
                {
                    accepted++;
                }
                else if (++refused <= 3)
                {
                    Log($"order {call.ResponseStream.Current.OrderId} refused: {call.ResponseStream.Current.Error}");
                }
            }

            return accepted;
        });
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            await call.RequestStream.WriteAsync(new OrderStreamRequest { Order = NextOrder(brand) });
        }

        await call.RequestStream.CompleteAsync();
        var acceptedOrders = await reading;
        var window = Stopwatch.GetElapsedTime(started);
        return (acceptedOrders / window.TotalSeconds, window);
    }

    private sealed record EventCount(Task<long> Counting)
    {
        /// <summary>Events received per second over the round (the subscriber keeps reading a moment longer, then stops).</summary>
        public async Task<double> StopAsync(CancellationTokenSource subscriber, TimeSpan window)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await subscriber.CancelAsync();
            return await Counting / (window.TotalSeconds + 1);
        }
    }

    /// <summary>A subscriber from now, counting what arrives until cancelled.</summary>
    private static EventCount CountEventsAsync(GrpcChannel channel, Metadata headers, CancellationToken ct)
    {
        var counting = Task.Run(async () =>
        {
            long received = 0;
            using var call = new EventStream.EventStreamClient(channel).Subscribe(new SubscribeRequest(), headers, cancellationToken: ct);
            try
            {
                while (await call.ResponseStream.MoveNext(ct))
                {
                    received++;
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
            {
                // stopped
            }

            return received;
        });
        return new EventCount(counting);
    }

    private Order NextOrder(BenchBrand brand)
    {
        var n = Interlocked.Increment(ref _orderNumber);
        return new Order
        {
            OrderId = $"g1-{_runTag}-{n}", Amount = new Money { Amount = (20 + n % 80).ToString(CultureInfo.InvariantCulture), Currency = "USD" },
            OrderedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), PromoCode = brand.PromoCodes[(int)(n % brand.PromoCodes.Count)],
        };
    }

    private static void Log(string line) => Console.Error.WriteLine($"[g1] {line}");
}
