using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Analytics;
using AmbassadorNet.Analytics.Persistence;
using AmbassadorNet.Messaging.Outbox;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.Security;
using AmbassadorNet.Security.Testing;
using AmbassadorNet.TestKit;
using AmbassadorNet.TestKit.Postgres;
using AmbassadorNet.TestKit.Rabbit;
using AmbassadorNet.TestKit.Services;
using AmbassadorNet.TestKit.Waiting;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Analytics.Tests;

/// <summary>The analytics service as it ships (<see cref="AnalyticsApp"/>) on a loopback port, with its own database and vhost.</summary>
public sealed class AnalyticsService : IAsyncLifetime, IServiceUnderTest
{
    private WebApplication? _app;

    public TestDatabase Database { get; private set; } = null!;

    public TestVhost Vhost { get; private set; } = null!;

    public TestTokens Tokens { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public static string Audience => InternalToken.AudienceFor(AnalyticsApp.Name);

    /// <summary>Idle when every event is on the broker and every queue (error queues aside) is drained.</summary>
    public IReadOnlyList<IQuiescenceProbe> Idle =>
    [
        new OutboxIdle("outbox", Database.ConnectionString),
        new QueuesIdle(Vhost, "_error"),
    ];

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(AnalyticsApp.Name, AnalyticsDbContext.Migrations);
        Vhost = await TestVhost.CreateAsync(AnalyticsApp.Name);
        await StartAsync();
    }

    /// <summary>Stops the service as on SIGTERM (in-flight messages finish, the rest wait in their queues) and starts it again on the same database and vhost.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        // Here, not inside StopAsync: an AsyncLocal cleared in an awaited method is restored when it returns.
        LogContext.Current = null;
        await StartAsync();
    }

    private async Task StartAsync()
    {
        _app = AnalyticsApp.Create([], builder =>
        {
            builder.Environment.EnvironmentName = "Testing";
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(Tokens.ConfigurationFor(Audience));
            builder.Configuration.AddInMemoryCollection(ServiceSettings.For(Database, Vhost));
        });
        await _app.StartAsync();
        // Every receive endpoint bound before a test publishes: RabbitMQ drops an event published to
        // an exchange no queue is bound to yet.
        await _app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        Http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    /// <summary>Sends a GET as <paramref name="brand"/> with <paramref name="roles"/> (analyst when none are given).</summary>
    public Task<HttpResponseMessage> GetAsync(string path, Guid brand, params string[] roles)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", Tokens.Mint(Audience, brand, roles.Length == 0 ? [Roles.Analyst] : roles));
        return Http.SendAsync(request);
    }

    public async Task<JsonElement> ReadAsync(string path, Guid brand)
    {
        var response = await GetAsync(path, brand);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.Clone()
            : throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>Reads a view once every queue has drained and the answer has stopped changing.</summary>
    public async Task<JsonElement> SettledAsync(string path, Guid brand)
    {
        var text = await Eventually.SettledAsync(async _ => (await ReadAsync(path, brand)).GetRawText(), path, Idle, TimeSpan.FromSeconds(90));
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Publishes an event on the service's own bus, as its owner would; the same id makes a duplicate.</summary>
    public Task PublishAsync(object message, Guid? messageId = null) =>
        Services.GetRequiredService<IBus>().Publish(message, message.GetType(), context => context.MessageId = messageId ?? Guid.NewGuid());

    public Task PublishAllAsync(IEnumerable<object> messages) => Task.WhenAll(messages.Select(m => PublishAsync(m)));

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The events the service wrote for a brand, oldest first (the outbox is its event log).</summary>
    public async Task<List<OutboxMessage>> EventsAsync(Guid brand)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BrandScope>().Set(brand);
        return await scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.BrandId == brand).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync();
    }

    private async Task StopAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
            LogContext.Current = null; // see docs/reliability.md: MassTransit keeps the first logger factory per async flow
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Vhost.DisposeAsync();
        await Database.DisposeAsync();
        Tokens.Dispose();
    }
}
