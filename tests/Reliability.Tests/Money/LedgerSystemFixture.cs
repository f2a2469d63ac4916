using System.Globalization;
using AmbassadorNet.SystemTestKit;
using AmbassadorNet.TestKit.Waiting;
using Npgsql;

namespace Reliability.Tests.Money;

/// <summary>
/// One whole system shared by the money scenarios (duplicates, poison, simulation). Each test works in
/// a brand of its own, and xunit runs the tests of a collection one after another, so a test that
/// waits for every queue to drain waits only for itself.
/// </summary>
public class LedgerSystemFixture : IAsyncLifetime
{
    public static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public TestSystem System { get; private set; } = null!;

    public Uri Gateway => System.Gateway;

    /// <summary>The operator's client: creates brands and reaches <c>/ops/{service}/...</c>.</summary>
    public GatewayClient Operator { get; private set; } = null!;

    /// <summary>How the system differs from ./run.sh's; a subclass may put proxies in front of the servers or set the environment.</summary>
    protected virtual TestSystemOptions Options() => new();

    public virtual async ValueTask InitializeAsync()
    {
        System = await TestSystem.StartAsync(Options(), TestContext.Current.CancellationToken);
        Operator = new GatewayClient(Http, Gateway, System.OperatorKey);
    }

    /// <summary>Messages a test put in an error queue on purpose (service, endpoint → count); the others expect exactly these.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Service, string Endpoint), long> _expectedErrors = new();

    public void ExpectInErrorQueue(string service, string endpoint) =>
        _expectedErrors.AddOrUpdate((service, endpoint), 1, (_, count) => count + 1);

    /// <summary>Every error queue of the services holds exactly what tests of this collection put there on purpose.</summary>
    public async Task AssertErrorQueuesAsExpectedAsync(IEnumerable<string> services)
    {
        var unexpected = new List<string>();
        foreach (var service in services)
        {
            foreach (var (endpoint, count) in await Invariants.ErrorQueuesAsync(Operator, service))
            {
                if (count != _expectedErrors.GetValueOrDefault((service, endpoint)))
                {
                    // Why they failed, so the report says more than a count.
                    var messages = await Operator.SendAsync(HttpMethod.Get, $"/ops/{service}/messaging/error-queues/{endpoint}/messages");
                    var reasons = messages.EnumerateArray().Select(m => $"{m.GetProperty("exceptionType")}: {m.GetProperty("reason")}");
                    unexpected.Add($"{service} error queue {endpoint}: {count} ({string.Join(" | ", reasons.Distinct())})");
                }
            }
        }

        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
    }

    /// <summary>A service's database, as the service reaches it (a subclass may give one service a server of its own).</summary>
    public virtual string DatabaseOf(string service) => System.DatabaseOf(service);

    /// <summary>Runs a scalar query on a service's own database (the way the service reaches it).</summary>
    public async Task<long> CountAsync(string service, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(DatabaseOf(service));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Why clicks may be missing: tracking's redirect counters and what its log said about click batches.</summary>
    public async Task<string> ClickDiagnosticsAsync()
    {
        var (_, stats) = await Operator.SendRawAsync(HttpMethod.Get, "/ops/tracking/redirect-stats");
        var lines = System.Logs.LinesOf("tracking").Where(l => l.Contains("click", StringComparison.OrdinalIgnoreCase) || l.Contains("xception", StringComparison.Ordinal)).TakeLast(40);
        return $"redirect stats {stats}; tracking's last lines about clicks:\n{string.Join('\n', lines)}";
    }

    /// <summary>Clicks tracking stored for the enrollment's link, counted in its database.</summary>
    public Task<long> StoredClicksAsync(Enrollment enrollment) =>
        CountAsync("tracking", "SELECT count(*) FROM clicks WHERE enrollment_id = $1", enrollment.Id);

    public Task<GatewayClient> NewBrandAsync(string name) => GatewayClient.ForNewBrandAsync(Http, Gateway, System.OperatorKey, name);

    /// <summary>
    /// Probes that are idle when every outbox has dispatched its rows and no queue of the system's
    /// vhost holds a message (error queues aside: a test that fills one asserts its count itself).
    /// </summary>
    public IReadOnlyList<IQuiescenceProbe> Idle()
    {
        var probes = new List<IQuiescenceProbe>();
        foreach (var service in AmbassadorNet.Gateway.Routing.GatewayServices.Proxied)
        {
            probes.Add(new OutboxIdle($"outbox of {service}", DatabaseOf(service)));
        }

        probes.Add(new ClickPipelineIdle(Operator));
        probes.Add(new QueuesIdle(System.Settings.Vhost, "_error", "_skipped"));
        return probes;
    }

    /// <summary>Reads <paramref name="probe"/> once the whole system is at rest and the reading holds still.</summary>
    public Task<T> AtRestAsync<T>(Func<CancellationToken, Task<T>> probe, string what, TimeSpan? timeout = null) =>
        Eventually.SettledAsync(probe, what, Idle(), timeout ?? TimeSpan.FromMinutes(3));

    /// <summary>
    /// Waits until every event so far is applied, then releases the brand's due commission and returns
    /// when it did: a release before the accruals arrive would leave them to the background job.
    /// </summary>
    public async Task<DateTimeOffset> ReleaseAtRestAsync(GatewayClient admin)
    {
        await AtRestAsync(_ => Task.FromResult(0), "the system at rest before a release");
        await admin.SendAsync(HttpMethod.Post, "/api/payouts/release");
        return DateTimeOffset.UtcNow;
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (System is not null)
        {
            await System.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LedgerSystemCollection : ICollectionFixture<LedgerSystemFixture>
{
    public const string Name = "ledger system";
}
