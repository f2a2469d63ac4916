using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Messaging.Outbox;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.Security;
using AmbassadorNet.Security.Testing;
using AmbassadorNet.TestKit;
using AmbassadorNet.TestKit.Postgres;
using AmbassadorNet.TestKit.Rabbit;
using AmbassadorNet.TestKit.Services;
using AmbassadorNet.TestKit.Waiting;
using AmbassadorNet.Webhooks;
using AmbassadorNet.Webhooks.Persistence;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Webhooks.Tests;

/// <summary>
/// The webhooks service as it ships (<see cref="WebhooksApp"/>) on a loopback port, with its own
/// database and vhost, a receiver on 127.0.0.1 (allow-listed) and a sub-second retry schedule.
/// The app can be stopped and started again on the same database (a crash mid-delivery).
/// </summary>
public sealed class WebhooksService : IAsyncLifetime, IServiceUnderTest
{
    public const int DisableAfterFailedDeliveries = 3;

    /// <summary>Four attempts in about a second, so retry tests run fast.</summary>
    public static readonly string[] RetrySchedule = ["00:00:00.200", "00:00:00.300", "00:00:00.400"];

    private WebApplication? _app;

    /// <summary>
    /// The key-encryption keys of the key ring (Webhooks:SecretsKey), kept across restarts like a
    /// mounted secret; a rotation test changes them between a stop and a start.
    /// </summary>
    public Dictionary<string, string> SecretsKeys { get; set; } = new() { ["test-1"] = NewSecretsKey() };

    public string CurrentSecretsKeyId { get; set; } = "test-1";

    public static string NewSecretsKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public TestDatabase Database { get; private set; } = null!;

    public TestVhost Vhost { get; private set; } = null!;

    public TestReceiver Receiver { get; private set; } = null!;

    public TestTokens Tokens { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public static string Audience => InternalToken.AudienceFor(WebhooksApp.Name);

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(WebhooksApp.Name, WebhooksDbContext.Migrations);
        Vhost = await TestVhost.CreateAsync(WebhooksApp.Name);
        Receiver = await TestReceiver.StartAsync();
        await StartAppAsync();
    }

    public async Task StartAppAsync()
    {
        _app = WebhooksApp.Create([], builder =>
        {
            builder.Environment.EnvironmentName = "Testing";
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(Tokens.ConfigurationFor(Audience));
            builder.Configuration.AddInMemoryCollection(ServiceSettings.For(Database, Vhost));
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                // The readiness wait below polls while the bus starts; those "not ready yet" reports are expected.
                ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Critical",
                ["Webhooks:AllowedPrivateEndpoints:0"] = $"127.0.0.1:{new Uri(Receiver.BaseUrl).Port}",
                ["Webhooks:RetrySchedule:0"] = RetrySchedule[0],
                ["Webhooks:RetrySchedule:1"] = RetrySchedule[1],
                ["Webhooks:RetrySchedule:2"] = RetrySchedule[2],
                ["Webhooks:RequestTimeout"] = "00:00:05",
                ["Webhooks:LeaseDuration"] = "00:00:06",
                ["Webhooks:PollInterval"] = "00:00:00.100",
                ["Webhooks:DisableAfterFailedDeliveries"] = DisableAfterFailedDeliveries.ToString(CultureInfo.InvariantCulture),
            });
            builder.Configuration.AddInMemoryCollection(SecretsKeySettings());
        });
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
        // The bus starts in the background; events published before its queues are bound would be dropped.
        await Eventually.UntilAsync(async ct => (await Http.GetAsync("/health/ready", ct)).IsSuccessStatusCode, "the webhooks service to be ready");
    }

    private Dictionary<string, string?> SecretsKeySettings()
    {
        var settings = SecretsKeys.ToDictionary(k => $"Webhooks:SecretsKey:Keys:{k.Key}", k => (string?)k.Value);
        settings["Webhooks:SecretsKey:CurrentId"] = CurrentSecretsKeyId;
        return settings;
    }

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

    private static Npgsql.NpgsqlCommand Command(Npgsql.NpgsqlConnection connection, string sql, object[] values)
    {
        var command = new Npgsql.NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = value });
        }

        return command;
    }

    public async Task StopAppAsync()
    {
        Http.Dispose();
        await _app!.StopAsync();
        await _app.DisposeAsync();
        _app = null;
        LogContext.Current = null; // see docs/reliability.md: MassTransit keeps the first logger factory per async flow
    }

    /// <summary>Sends a request as <paramref name="brand"/> with <paramref name="roles"/> (admin when none are given).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Guid brand, object? body = null, params string[] roles)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", Tokens.Mint(Audience, brand, roles.Length == 0 ? [Roles.Admin] : roles));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return Http.SendAsync(request);
    }

    public async Task<JsonElement> ReadAsync(HttpMethod method, string path, Guid brand, object? body = null)
    {
        var response = await SendAsync(method, path, brand, body);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.Clone()
            : throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>Subscribes the receiver's <paramref name="path"/>; returns the subscription id and its secret.</summary>
    public async Task<(Guid Id, string Secret)> SubscribeAsync(Guid brand, string path, params string[] eventTypes)
    {
        var created = await ReadAsync(HttpMethod.Post, "/api/webhooks", brand, new { url = Receiver.UrlFor(path), eventTypes, description = $"test {path}" });
        return (created.GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
    }

    /// <summary>Publishes an event the way every service does (its outbox, then the broker); the service consumes it like any other.</summary>
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

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await StopAppAsync();
        }

        await Receiver.DisposeAsync();
        await Vhost.DisposeAsync();
        await Database.DisposeAsync();
        Tokens.Dispose();
    }
}
