using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Messaging.Outbox;
using AmbassadorNet.Payouts;
using AmbassadorNet.Payouts.Persistence;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.Security;
using AmbassadorNet.Security.Testing;
using AmbassadorNet.ServiceDefaults.Time;
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

namespace Payouts.Tests;

/// <summary>
/// The payouts service as it ships (<see cref="PayoutsApp"/>) on a loopback port, with its own
/// database, vhost and test clock (a clock offset file: <see cref="MoveClock"/>). The release job
/// runs hourly here, so only the on-demand endpoint releases; <see cref="ReleaseJobService"/> runs it often.
/// </summary>
public class PayoutsService : IAsyncLifetime, IServiceUnderTest
{
    private readonly string _clockFile = Path.Combine(Path.GetTempPath(), $"amb-payouts-clock-{Guid.NewGuid():N}");
    private WebApplication? _app;

    public PayoutsService()
    {
        Clock = new OffsetTimeProvider(new ClockOffsetFile(_clockFile));
        Tokens = new TestTokens(timeProvider: Clock); // tokens must be fresh on the service's clock
    }

    public TimeProvider Clock { get; }

    public TestDatabase Database { get; private set; } = null!;

    public TestVhost Vhost { get; private set; } = null!;

    public TestTokens Tokens { get; }

    public HttpClient Http { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public static string Audience => InternalToken.AudienceFor(PayoutsApp.Name);

    /// <summary>The API key every request carries unless a test names another.</summary>
    public Guid FinanceKey { get; } = Guid.CreateVersion7();

    /// <summary>Idle when every event is on the broker, every queue (error queues aside) is drained and nothing is parked.</summary>
    public IReadOnlyList<IQuiescenceProbe> Idle =>
    [
        new OutboxIdle("outbox", Database.ConnectionString),
        new QueuesIdle(Vhost, "_error"),
    ];

    protected virtual TimeSpan ReleaseInterval => TimeSpan.FromHours(1);

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(PayoutsApp.Name, PayoutsDbContext.Migrations);
        Vhost = await TestVhost.CreateAsync(PayoutsApp.Name);
        _app = await StartHostAsync(ReleaseInterval);
        Http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    /// <summary>
    /// Starts a replica of the service on the same database and vhost (the caller disposes it, then
    /// sets <c>LogContext.Current = null</c>): the fixture's own host is one such replica.
    /// </summary>
    public async Task<WebApplication> StartHostAsync(TimeSpan releaseInterval)
    {
        var app = PayoutsApp.Create([], builder =>
        {
            builder.Environment.EnvironmentName = "Testing";
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(Tokens.ConfigurationFor(Audience));
            builder.Configuration.AddInMemoryCollection(ServiceSettings.For(Database, Vhost));
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Clock:OffsetFile"] = _clockFile,
                ["Payouts:ReleaseInterval"] = releaseInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            });
        });
        await app.StartAsync();
        // Every receive endpoint bound before a test publishes: RabbitMQ drops an event published to
        // an exchange no queue is bound to yet.
        await app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        return app;
    }

    /// <summary>Moves the service's clock (and the tokens') this far ahead of real time.</summary>
    public void MoveClock(TimeSpan offset) => ClockOffsetFile.Write(_clockFile, offset);

    /// <summary>Sends a request as <paramref name="brand"/> with the finance role and <see cref="FinanceKey"/> unless told otherwise.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Guid brand, object? body = null, Guid? key = null, string[]? roles = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", Tokens.Mint(Audience, brand, roles ?? [Roles.Finance], key ?? FinanceKey));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return Http.SendAsync(request);
    }

    public async Task<JsonElement> ReadAsync(HttpMethod method, string path, Guid brand, object? body = null, Guid? key = null)
    {
        var response = await SendAsync(method, path, brand, body, key);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.Clone()
            : throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>Publishes an event on the service's own bus, as its owner would; the same id makes a duplicate.</summary>
    public Task PublishAsync(object message, Guid? messageId = null) =>
        Services.GetRequiredService<IBus>().Publish(message, message.GetType(), context => context.MessageId = messageId ?? Guid.NewGuid());

    public async Task PublishAllAsync(params object[] messages)
    {
        foreach (var message in messages)
        {
            await PublishAsync(message);
        }
    }

    /// <summary>Runs a query against the service's database as <paramref name="brand"/>.</summary>
    public async Task<T> QueryAsync<T>(Guid brand, Func<PayoutsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BrandScope>().Set(brand);
        return await query(scope.ServiceProvider.GetRequiredService<PayoutsDbContext>());
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The first column of every row, in the query's order (ids straight from the database).</summary>
    public async Task<List<Guid>> IdsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    /// <summary>The events the service wrote for a brand, oldest first (the outbox is its event log).</summary>
    public Task<List<OutboxMessage>> EventsAsync(Guid brand) =>
        QueryAsync(brand, db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.BrandId == brand).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());

    public async Task<List<string>> EventTypesAsync(Guid brand) =>
        (await EventsAsync(brand)).Select(e => e.MessageType.Split(',')[0].Split('.')[^1]).ToList();

    public virtual async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            LogContext.Current = null; // see docs/reliability.md: MassTransit keeps the first logger factory per async flow
        }

        await Vhost.DisposeAsync();
        await Database.DisposeAsync();
        Tokens.Dispose();
        File.Delete(_clockFile);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same service with the release job running every 200 ms.</summary>
public sealed class ReleaseJobService : PayoutsService
{
    protected override TimeSpan ReleaseInterval => TimeSpan.FromMilliseconds(200);
}
