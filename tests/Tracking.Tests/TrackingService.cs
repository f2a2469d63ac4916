using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Security;
using AmbassadorNet.Security.Testing;
using AmbassadorNet.TestKit.Postgres;
using AmbassadorNet.TestKit.Rabbit;
using AmbassadorNet.TestKit.Services;
using AmbassadorNet.TestKit.Waiting;
using AmbassadorNet.Tracking;
using AmbassadorNet.Tracking.Persistence;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Tracking.Tests;

/// <summary>The tracking service with its own database and vhost, and one replica running.</summary>
public class TrackingService : IAsyncLifetime, IServiceUnderTest
{
    public static string Audience => InternalToken.AudienceFor(TrackingApp.Name);

    public TestDatabase Database { get; private set; } = null!;

    public TestVhost Vhost { get; private set; } = null!;

    public TestTokens Tokens { get; } = new();

    public TrackingHost Host { get; private set; } = null!;

    public HttpClient Http => Host.Http;

    public IServiceProvider Services => Host.Services;

    /// <summary>Idle when every event is on the broker and every queue (error queues aside) is drained.</summary>
    public IReadOnlyList<IQuiescenceProbe> Idle =>
    [
        new OutboxIdle("outbox", Database.ConnectionString),
        new QueuesIdle(Vhost, "_error"),
    ];

    protected virtual IDictionary<string, string?>? Settings => null;

    public virtual async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(TrackingApp.Name, TrackingDbContext.Migrations);
        Vhost = await TestVhost.CreateAsync(TrackingApp.Name);
        Host = await TrackingHost.StartAsync(Database, Vhost, Tokens, Settings);
    }

    public Task<TrackingHost> StartReplicaAsync() => TrackingHost.StartAsync(Database, Vhost, Tokens, Settings);

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

    /// <summary>Publishes an event on the service's own bus, as the campaigns service would; the same id makes a duplicate.</summary>
    public Task PublishAsync(object message, Guid? messageId = null) =>
        Services.GetRequiredService<IBus>().Publish(message, message.GetType(), context => context.MessageId = messageId ?? Guid.NewGuid());

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

    /// <summary>The codes the service issued for an enrollment, once it has issued them.</summary>
    public async Task<(string Link, string Promo)> CodesOfAsync(Guid brand, Guid enrollmentId)
    {
        var links = await Eventually.UntilAsync(
            _ => ReadAsync(HttpMethod.Get, $"/api/links?enrollmentId={enrollmentId}", brand), l => l.GetProperty("items").GetArrayLength() > 0, $"link of {enrollmentId}");
        var promos = await ReadAsync(HttpMethod.Get, $"/api/promo-codes?enrollmentId={enrollmentId}", brand);
        return (links.GetProperty("items")[0].GetProperty("code").GetString()!, promos.GetProperty("items")[0].GetProperty("code").GetString()!);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Vhost.DisposeAsync();
        await Database.DisposeAsync();
        Tokens.Dispose();
        GC.SuppressFinalize(this);
    }
}
