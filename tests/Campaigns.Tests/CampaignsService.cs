using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Campaigns;
using AmbassadorNet.Campaigns.Domain;
using AmbassadorNet.Campaigns.Persistence;
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

namespace Campaigns.Tests;

/// <summary>The campaigns service as it ships (<see cref="CampaignsApp"/>) on a loopback port, with its own database and vhost.</summary>
public sealed class CampaignsService : IAsyncLifetime, IServiceUnderTest
{
    private WebApplication? _app;

    public TestDatabase Database { get; private set; } = null!;

    public TestVhost Vhost { get; private set; } = null!;

    public TestTokens Tokens { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public static string Audience => InternalToken.AudienceFor(CampaignsApp.Name);

    /// <summary>Idle when every event is on the broker and every queue (error queues aside) is drained.</summary>
    public IReadOnlyList<IQuiescenceProbe> Idle =>
    [
        new OutboxIdle("outbox", Database.ConnectionString),
        new QueuesIdle(Vhost, "_error"),
    ];

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(CampaignsApp.Name, CampaignsDbContext.Migrations);
        Vhost = await TestVhost.CreateAsync(CampaignsApp.Name);
        _app = CampaignsApp.Create([], builder =>
        {
            builder.Environment.EnvironmentName = "Testing";
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(Tokens.ConfigurationFor(Audience));
            builder.Configuration.AddInMemoryCollection(ServiceSettings.For(Database, Vhost));
        });
        await _app.StartAsync();
        // Every receive endpoint bound before a test publishes: RabbitMQ drops an event published to
        // an exchange no queue is bound to yet.
        await _app.Services.GetRequiredService<MassTransit.IBusControl>().WaitForHealthStatus(MassTransit.BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        Http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
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

    /// <summary>Drafts a campaign and returns its id.</summary>
    public async Task<Guid> DraftAsync(Guid brand, object? body = null) =>
        (await ReadAsync(HttpMethod.Post, "/api/campaigns", brand, body ?? CampaignBodies.Complete())).GetProperty("id").GetGuid();

    /// <summary>Drafts and launches a complete campaign.</summary>
    public async Task<Guid> LaunchedAsync(Guid brand, object? body = null)
    {
        var id = await DraftAsync(brand, body);
        await ReadAsync(HttpMethod.Post, $"/api/campaigns/{id}/launch", brand);
        return id;
    }

    /// <summary>Publishes an event on the service's own bus, as the creators service would; the same id makes a duplicate.</summary>
    public Task PublishAsync(object message, Guid? messageId = null) =>
        Services.GetRequiredService<IBus>().Publish(message, message.GetType(), context => context.MessageId = messageId ?? Guid.NewGuid());

    /// <summary>Runs a query against the service's database as <paramref name="brand"/>.</summary>
    public async Task<T> QueryAsync<T>(Guid brand, Func<CampaignsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BrandScope>().Set(brand);
        return await query(scope.ServiceProvider.GetRequiredService<CampaignsDbContext>());
    }

    public Task<CreatorReplica?> ReplicaAsync(Guid brand, Guid creatorId) =>
        QueryAsync(brand, db => db.Creators.AsNoTracking().SingleOrDefaultAsync(c => c.CreatorId == creatorId));

    /// <summary>Waits until the replica holds the creator at <paramref name="version"/> or later.</summary>
    public Task<CreatorReplica?> ReplicaAtAsync(Guid brand, Guid creatorId, long version) =>
        Eventually.UntilAsync(_ => ReplicaAsync(brand, creatorId), r => r?.Version >= version, $"creator {creatorId} at version {version}");

    /// <summary>The events the service wrote for a brand, oldest first (the outbox is its event log).</summary>
    public Task<List<OutboxMessage>> EventsAsync(Guid brand) =>
        QueryAsync(brand, db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.BrandId == brand).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());

    public async ValueTask DisposeAsync()
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
    }
}
