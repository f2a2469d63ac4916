using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.AppHost.Composition;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.SystemTestKit;
using AmbassadorNet.TestKit.Telemetry;
using Npgsql;

namespace AmbassadorNet.Benchmarks;

/// <summary>
/// The whole system started through the real AppHost with Aspire.Hosting.Testing, as the system test
/// suites start it (both sides of any comparison alike: the build's configuration, no dashboard and
/// so no telemetry export unless <c>--telemetry</c> asks for it), with the gateway's rate limits raised
/// (a benchmark is one client IP and one key), and one brand whose creator has a live link.
/// </summary>
public sealed class BenchSystem : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly TestSystem _system;
    private readonly OtlpReceiver? _telemetry;

    private BenchSystem(TestSystem system, string linkCode, OtlpReceiver? telemetry)
    {
        _system = system;
        LinkCode = linkCode;
        _telemetry = telemetry;
    }

    public string LinkCode { get; }

    public Uri Gateway => _system.Gateway;

    /// <summary>The gateway's gRPC port (the partner gRPC API).</summary>
    public Uri GrpcGateway => _system.GrpcGateway;

    public Uri Tracking => _system.UrlOf(GatewayServices.Tracking);

    /// <param name="bench">The services' environment (<see cref="BenchOptions.Environment"/>, <see cref="BenchOptions.ServiceEnvironment"/>)
    /// and whether they export telemetry.</param>
    /// <param name="adjustServers">Another broker address (T2 starts a system whose broker is behind a proxy).</param>
    public static async Task<BenchSystem> StartAsync(BenchOptions bench, Func<SystemSettings, SystemSettings>? adjustServers = null)
    {
        var options = new TestSystemOptions { AdjustServers = adjustServers, StartTimeout = TimeSpan.FromMinutes(5), EnvironmentName = bench.Environment }
            .WithSetting(GatewayServices.GatewayItself, "Gateway:RateLimits:PerClientIp:TokenLimit", "100000000")
            .WithSetting(GatewayServices.GatewayItself, "Gateway:RateLimits:PerClientIp:TokensPerPeriod", "100000000")
            .WithSetting(GatewayServices.GatewayItself, "Gateway:RateLimits:PerKey:TokenLimit", "100000000")
            .WithSetting(GatewayServices.GatewayItself, "Gateway:RateLimits:PerKey:TokensPerPeriod", "100000000");
        foreach (var (name, value) in bench.ServiceEnvironment)
        {
            options.CommonSettings[name] = value;
        }

        var telemetry = bench.Telemetry ? await OtlpReceiver.StartAsync() : null;
        if (telemetry is not null)
        {
            options.CommonSettings["OTEL_EXPORTER_OTLP_ENDPOINT"] = telemetry.Url.ToString().TrimEnd('/');
            options.CommonSettings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        }

        var system = await TestSystem.StartAsync(options);
        var environment = string.Join(' ', bench.ServiceEnvironment.Select(pair => $"{pair.Key}={pair.Value}"));
        Console.Error.WriteLine($"[bench] system started ({bench.Environment}{(environment.Length > 0 ? ", " + environment : "")}" +
            $"{(telemetry is null ? ", no telemetry" : ", telemetry to " + telemetry.Url)}): gateway {system.Gateway}, " +
            $"databases {system.Settings.Settings.DatabasePrefix}*, vhost {system.Settings.Vhost.Name}");
        var code = await SeedLinkAsync(system);
        return new BenchSystem(system, code, telemetry);
    }

    /// <summary>Exports and bytes the services' telemetry has sent so far, by signal; empty without <c>--telemetry</c>.</summary>
    public IReadOnlyDictionary<string, (long Exports, long Bytes)> TelemetryReceived =>
        _telemetry?.Received ?? new Dictionary<string, (long Exports, long Bytes)>();

    /// <summary>The prefix of this system's databases, which its service processes carry in their environment.</summary>
    public string DatabasePrefix => _system.Settings.Settings.DatabasePrefix;

    /// <summary>Creates brands through the gateway.</summary>
    public string OperatorKey => _system.OperatorKey;

    /// <summary>A service's own database, for benchmarks that count or seed rows directly.</summary>
    public string ConnectionString(string service) => _system.DatabaseOf(service);

    /// <summary>A call through the gateway with a brand or operator key; throws on any non-2xx answer.</summary>
    public Task<JsonElement> CallAsync(string key, HttpMethod method, string path, object? body = null) => SendAsync(_system, key, method, path, body);

    /// <summary>The redirect counters of the tracking service (operator route through the gateway).</summary>
    public async Task<JsonElement> RedirectStatsAsync() => await SendAsync(_system.OperatorKey, HttpMethod.Get, "/ops/tracking/redirect-stats");

    /// <summary>Rows in the tracking database's clicks table: what was really stored, not what a counter says.</summary>
    public async Task<long> CountClickRowsAsync()
    {
        await using var connection = new NpgsqlConnection(_system.DatabaseOf(GatewayServices.Tracking));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM clicks", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task<string> SeedLinkAsync(TestSystem system)
    {
        var brand = await SendAsync(system, system.OperatorKey, HttpMethod.Post, "/api/brands", new { name = "Benchmark brand" });
        var key = brand.GetProperty("apiKey").GetProperty("key").GetString()!;
        var creator = await SendAsync(system, key, HttpMethod.Post, "/api/creators", new
        {
            displayName = "Bench Creator", email = "bench@example.com", country = "US", niches = new[] { "tech" },
            socialAccounts = new[] { new { platform = "instagram", handle = "benchcreator", followers = 50_000, averageLikes = 1_000, averageComments = 50 } },
        });
        var creatorId = creator.GetProperty("id").GetGuid();
        await SendAsync(system, key, HttpMethod.Post, $"/api/creators/{creatorId}/approve");
        var campaign = await SendAsync(system, key, HttpMethod.Post, "/api/campaigns", new
        {
            name = "Bench", objective = "sales", currency = "USD", budget = 1_000_000, destinationUrl = "https://shop.example.com/landing",
            allowedDomains = new[] { "example.com" }, commissionPlan = new { kind = "percent", percent = 10 },
        });
        var campaignId = campaign.GetProperty("id").GetGuid();
        await SendAsync(system, key, HttpMethod.Post, $"/api/campaigns/{campaignId}/launch");
        var enrollment = await RetryAsync(() => SendAsync(system, key, HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments", new { creatorId }));
        await SendAsync(system, key, HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments/{enrollment.GetProperty("id").GetGuid()}/accept");
        var links = await RetryAsync(async () =>
        {
            var list = await SendAsync(system, key, HttpMethod.Get, "/api/links");
            return list.GetProperty("items").GetArrayLength() == 1 ? list : throw new InvalidOperationException("no link yet");
        });
        return links.GetProperty("items")[0].GetProperty("code").GetString()!;
    }

    private Task<JsonElement> SendAsync(string key, HttpMethod method, string path) => SendAsync(_system, key, method, path);

    private static async Task<JsonElement> SendAsync(TestSystem system, string key, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(system.Gateway, path)) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", key);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone()
            : throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>Events travel between services: retry for up to 30 s.</summary>
    private static async Task<T> RetryAsync<T>(Func<Task<T>> attempt)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _system.DisposeAsync();
        if (_telemetry is not null)
        {
            foreach (var (signal, (exports, bytes)) in _telemetry.Received.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                Console.Error.WriteLine($"[bench] telemetry received: {signal} {exports} exports, {bytes / 1e6:F1} MB");
            }

            await _telemetry.DisposeAsync();
        }
    }
}
