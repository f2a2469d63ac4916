using AmbassadorNet.Messaging.Operations;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.Security;
using AmbassadorNet.Security.Testing;
using AmbassadorNet.ServiceDefaults;
using AmbassadorNet.ServiceDefaults.Persistence;
using AmbassadorNet.TestKit;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceDefaults.Tests.Sample.Events;

namespace ServiceDefaults.Tests.Sample;

/// <summary>
/// The sample service as a real process would run it: Kestrel on a loopback port, its own database,
/// its own vhost, the internal token. Tests talk to it over HTTP and through the broker.
/// </summary>
public sealed class SampleService : IAsyncDisposable
{
    public const string Audience = "ambassadornet-sample";

    private readonly WebApplication _app;

    private SampleService(WebApplication app, TestTokens tokens)
    {
        _app = app;
        Tokens = tokens;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Http { get; }

    public TestTokens Tokens { get; }

    public IServiceProvider Services => _app.Services;

    public IBus Bus => _app.Services.GetRequiredService<IBus>();

    public HandlerObservations Observations => _app.Services.GetRequiredService<HandlerObservations>();

    public static async Task<SampleService> StartAsync(
        TestDatabase database, TestVhost vhost, int? rabbitPort = null, Action<MessagingBuilder<ShopDbContext>>? handlers = null)
    {
        var tokens = new TestTokens();
        var app = Build(database, vhost, tokens, rabbitPort, handlers: handlers);
        await app.StartAsync();
        await app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return new SampleService(app, tokens);
    }

    /// <summary>Wraps an application a test built and started itself (with settings of its own).</summary>
    public static SampleService Attach(WebApplication app, TestTokens tokens) => new(app, tokens);

    /// <summary>
    /// The configured application, not started: for tests of <c>--migrate-only</c> or with settings of
    /// their own. <paramref name="handlers"/> replaces the sample's handler registrations.
    /// </summary>
    public static WebApplication Build(
        TestDatabase database, TestVhost vhost, TestTokens tokens, int? rabbitPort = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<MessagingBuilder<ShopDbContext>>? handlers = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(tokens.ConfigurationFor(Audience));
        builder.Configuration.AddInMemoryCollection(ServiceSettings.For(database, vhost, rabbitPort));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RabbitMq:ParkedSweepInterval"] = "00:00:02",
            ["Outbox:PollInterval"] = "00:00:00.500",
            ["Outbox:PublishTimeout"] = "00:00:03",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());

        builder.AddServiceDefaults("sample");
        builder.AddServiceDatabase<ShopDbContext>(ShopDbContext.Migrations);
        builder.Services.AddSingleton<HandlerObservations>();
        builder.AddServiceMessaging<ShopDbContext>("sample", handlers ?? OneHandlerPerEvent);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapProductsApi();
        app.MapMessagingOperations<ShopDbContext>();
        return app;
    }

    /// <summary>The sample's layout: each event has a handler, and so a queue, of its own.</summary>
    public static void OneHandlerPerEvent(MessagingBuilder<ShopDbContext> messaging) => messaging
        .Handle<ProductPublishedHandler>()
        .Handle<ProductReviewedHandler>(endpoint => endpoint.Quorum = true)
        .Handle<PoisonPillHandler>(endpoint => endpoint.RetryIntervalsMs = [10, 10])
        .Handle<DatabaseHiccupHandler>(endpoint =>
        {
            endpoint.RetryIntervalsMs = [10, 10];
            endpoint.TransientRetryIntervalsMs = [50, 50, 50, 50, 50, 50, 50, 50];
        });

    /// <summary>A request with a token of <paramref name="brand"/> carrying <paramref name="roles"/>.</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, Guid brand, params string[] roles)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", Tokens.Mint(Audience, brand, roles.Length == 0 ? [Roles.Admin] : roles));
        return request;
    }

    /// <summary>A DbContext of the service acting for <paramref name="brand"/>, to look at rows directly.</summary>
    public async Task<T> QueryAsync<T>(Guid brand, Func<ShopDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BrandScope>().Set(brand);
        return await query(scope.ServiceProvider.GetRequiredService<ShopDbContext>());
    }

    public string ConnectionString => _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Tokens.Dispose();
        ForgetLogContext();
    }

    /// <summary>
    /// MassTransit keeps the logger factory of the first bus created in an async flow (LogContext is
    /// an AsyncLocal set "if null"); a second bus in the same test would log to the disposed one.
    /// One process hosts one bus in production, so only tests that build several need this.
    /// </summary>
    public static void ForgetLogContext() => LogContext.Current = null;
}
