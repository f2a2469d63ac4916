using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Creators;
using AmbassadorNet.Creators.Persistence;
using AmbassadorNet.Messaging.Outbox;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.Security;
using AmbassadorNet.Security.Testing;
using AmbassadorNet.TestKit;
using AmbassadorNet.TestKit.Postgres;
using AmbassadorNet.TestKit.Rabbit;
using AmbassadorNet.TestKit.Services;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Creators.Tests;

/// <summary>The creators service as it ships (<see cref="CreatorsApp"/>) on a loopback port, with its own database and vhost.</summary>
public sealed class CreatorsService : IAsyncLifetime, IServiceUnderTest
{
    private WebApplication? _app;

    public TestDatabase Database { get; private set; } = null!;

    public TestVhost Vhost { get; private set; } = null!;

    public TestTokens Tokens { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public static string Audience => InternalToken.AudienceFor(CreatorsApp.Name);

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(CreatorsApp.Name, CreatorsDbContext.Migrations);
        Vhost = await TestVhost.CreateAsync(CreatorsApp.Name);
        _app = CreatorsApp.Create([], builder =>
        {
            builder.Environment.EnvironmentName = "Testing";
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(Tokens.ConfigurationFor(Audience));
            builder.Configuration.AddInMemoryCollection(ServiceSettings.For(Database, Vhost));
        });
        await _app.StartAsync();
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

    /// <summary>Applies a creator and returns its id.</summary>
    public async Task<Guid> ApplyAsync(Guid brand, object body) =>
        (await ReadAsync(HttpMethod.Post, "/api/creators", brand, body)).GetProperty("id").GetGuid();

    /// <summary>The types of the events the service wrote for a brand, oldest first (the outbox is its event log).</summary>
    public async Task<List<OutboxMessage>> EventsAsync(Guid brand)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BrandScope>().Set(brand);
        return await scope.ServiceProvider.GetRequiredService<CreatorsDbContext>().Set<OutboxMessage>()
            .Where(m => m.BrandId == brand).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync();
    }

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
