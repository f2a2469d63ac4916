using System.Globalization;
using System.Text.Json;
using AmbassadorNet.Messaging.Outbox;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.Security;
using AmbassadorNet.TestKit.Services;
using AmbassadorNet.TestKit.Waiting;
using AmbassadorNet.Webhooks;
using AmbassadorNet.Webhooks.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Webhooks.Tests;

/// <summary>
/// The webhooks service as it ships (<see cref="WebhooksApp"/>) on a loopback port, with its own
/// database and vhost, a receiver on 127.0.0.1 (allow-listed) and a sub-second retry schedule.
/// The app can be stopped and started again on the same database (a crash mid-delivery).
/// </summary>
public sealed class WebhooksService() : ServiceUnderTest<WebhooksDbContext>(WebhooksApp.Name, WebhooksDbContext.Migrations, WebhooksApp.Create)
{
    public const int DisableAfterFailedDeliveries = 3;

    /// <summary>Four attempts in about a second, so retry tests run fast.</summary>
    public static readonly string[] RetrySchedule = ["00:00:00.200", "00:00:00.300", "00:00:00.400"];

    /// <summary>
    /// The key-encryption keys of the key ring (Webhooks:SecretsKey), kept across restarts like a
    /// mounted secret; a rotation test changes them between a stop and a start.
    /// </summary>
    public Dictionary<string, string> SecretsKeys { get; set; } = new() { ["test-1"] = NewSecretsKey() };

    public string CurrentSecretsKeyId { get; set; } = "test-1";

    public static string NewSecretsKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public TestReceiver Receiver { get; private set; } = null!;

    public static string Audience => InternalToken.AudienceFor(WebhooksApp.Name);

    /// <summary>The gRPC port: listened on after the HTTP addresses (GrpcEndpoint), so the last address.</summary>
    public Uri GrpcAddress => new(Urls.Last());

    protected override IEnumerable<KeyValuePair<string, string?>> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                // The readiness wait polls while the bus starts; those "not ready yet" reports are expected.
                ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Critical",
                ["Webhooks:AllowedPrivateEndpoints:0"] = $"127.0.0.1:{new Uri(Receiver.BaseUrl).Port}",
                ["Webhooks:RetrySchedule:0"] = RetrySchedule[0],
                ["Webhooks:RetrySchedule:1"] = RetrySchedule[1],
                ["Webhooks:RetrySchedule:2"] = RetrySchedule[2],
                ["Webhooks:RequestTimeout"] = "00:00:05",
                ["Webhooks:LeaseDuration"] = "00:00:06",
                ["Webhooks:PollInterval"] = "00:00:00.100",
                ["Webhooks:DisableAfterFailedDeliveries"] = DisableAfterFailedDeliveries.ToString(CultureInfo.InvariantCulture),
                ["Webhooks:SecretsKey:CurrentId"] = CurrentSecretsKeyId,
                // The event stream's HTTP/2 port, a free one (see GrpcAddress).
                ["Grpc:Url"] = "http://127.0.0.1:0",
            };
            foreach (var (id, key) in SecretsKeys)
            {
                settings[$"Webhooks:SecretsKey:Keys:{id}"] = key;
            }

            return settings;
        }
    }

    public override async ValueTask InitializeAsync()
    {
        Receiver = await TestReceiver.StartAsync(); // first: the settings allow-list its port
        await base.InitializeAsync();
    }

    /// <summary>The service's readiness check, which covers the bus started in the background.</summary>
    protected override Task WaitUntilReadyAsync(ServiceReplica replica) =>
        Eventually.UntilAsync(async ct => (await replica.Http.GetAsync("/health/ready", ct)).IsSuccessStatusCode, "the webhooks service to be ready");

    /// <summary>What <c>--migrate-only</c> runs: the schema, the broker's topology, and the service's own steps.</summary>
    public async Task RunDeploymentStepsAsync()
    {
        foreach (var step in Services.GetServices<AmbassadorNet.ServiceDefaults.Deployment.IDeploymentStep>())
        {
            await step.RunAsync(CancellationToken.None);
        }
    }

    /// <summary>Reads the database directly, as an attacker with a copy of it would.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var connection = Database.OpenConnection();
        await using var command = Command(connection, sql, values);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    public async Task<long> CountAsync(string sql, params object[] values) => await ScalarAsync<long>(sql, values);

    public async Task<int> ExecuteAsync(string sql, params object[] values)
    {
        await using var connection = Database.OpenConnection();
        await using var command = Command(connection, sql, values);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of every row, as text (bytea read as UTF-8).</summary>
    public async Task<List<string>> ColumnAsync(string sql, params object[] values)
    {
        await using var connection = Database.OpenConnection();
        await using var command = Command(connection, sql, values);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.IsDBNull(0) ? "" : reader.GetValue(0) is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : reader.GetValue(0).ToString()!);
        }

        return rows;
    }

    /// <summary>A command with positional parameters ($1, $2, ...).</summary>
    private static Npgsql.NpgsqlCommand Command(Npgsql.NpgsqlConnection connection, string sql, object[] values)
    {
        var command = new Npgsql.NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = value });
        }

        return command;
    }

    /// <summary>Subscribes the receiver's <paramref name="path"/>; returns the subscription id and its secret.</summary>
    public async Task<(Guid Id, string Secret)> SubscribeAsync(Guid brand, string path, params string[] eventTypes)
    {
        var created = await ReadAsync(HttpMethod.Post, "/api/webhooks", brand, new { url = Receiver.UrlFor(path), eventTypes, description = $"test {path}" });
        return (created.GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
    }

    /// <summary>
    /// Publishes an event the way every service does (its outbox, then the broker); the service
    /// consumes it like any other. Unlike a publish straight on the bus, it returns the event's id.
    /// </summary>
    public async Task<Guid> PublishAsync(AmbassadorNet.Contracts.IIntegrationEvent @event)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BrandScope>().Set(@event.BrandId);
        var db = scope.ServiceProvider.GetRequiredService<WebhooksDbContext>();
        var id = db.AddEvent(@event, scope.ServiceProvider.GetRequiredService<TimeProvider>());
        await db.SaveChangesAsync();
        return id;
    }

    public async Task<List<JsonElement>> DeliveriesAsync(Guid brand, Guid subscription) =>
        (await ReadAsync(HttpMethod.Get, $"/api/webhooks/{subscription}/deliveries", brand)).EnumerateArray().ToList();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
