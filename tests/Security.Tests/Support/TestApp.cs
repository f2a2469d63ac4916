using System.Net.Http.Headers;
using AmbassadorNet.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Security.Tests.Support;

/// <summary>
/// A real Kestrel app on a free port, secured the way a service is: AddInternalAuthentication, a few
/// endpoints per row of the role table, a health endpoint without a token, one without a policy.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string Audience = "ambassadornet-creators";

    private readonly WebApplication _app;

    private TestApp(WebApplication app, SettingsSource settings, CapturedLogs logs)
    {
        _app = app;
        Settings = settings;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    public SettingsSource Settings { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestApp> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Only what the test gives: no appsettings or environment variables of the machine.
        builder.Configuration.Sources.Clear();
        var source = new SettingsSource(settings);
        ((IConfigurationBuilder)builder.Configuration).Add(source);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.AddInternalAuthentication();
        var app = builder.Build();
        MapEndpoints(app);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new TestApp(app, source, logs);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token) => SendAsync(HttpMethod.Get, path, token);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapGet("/catalog", Describe).RequireAccess(AccessPolicies.CatalogRead);
        app.MapPost("/catalog", Describe).RequireAccess(AccessPolicies.CatalogWrite);
        app.MapGet("/payouts/batches", Describe).RequireAccess(AccessPolicies.LedgerRead);
        app.MapGroup("/ops").RequireAccess(AccessPolicies.Operations).MapGet("/parked", Describe);
        app.MapGet("/unguarded", Describe);
        app.MapGet("/health/live", () => "ok").AllowAnonymous();
    }

    private static CallerView Describe(HttpContext context) => new(
        context.User.GetBrandId(),
        context.User.GetApiKeyId(),
        context.User.GetRoles(),
        context.User.IsInRole(Roles.Admin));
}
