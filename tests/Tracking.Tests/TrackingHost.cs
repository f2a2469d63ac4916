using System.Globalization;
using AmbassadorNet.Security.Testing;
using AmbassadorNet.TestKit.Postgres;
using AmbassadorNet.TestKit.Rabbit;
using AmbassadorNet.TestKit;
using AmbassadorNet.Tracking;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Tracking.Tests;

/// <summary>One running replica of the tracking service (<see cref="TrackingApp"/>) on a loopback port; several can share a database.</summary>
public sealed class TrackingHost : IAsyncDisposable
{
    public const string IpHashKey = "test-ip-hash-key-0123456789abcdef0123456789";

    private TrackingHost(WebApplication app)
    {
        App = app;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.First()) };
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<TrackingHost> StartAsync(TestDatabase database, TestVhost vhost, TestTokens tokens, IDictionary<string, string?>? settings = null)
    {
        var app = TrackingApp.Create([], builder =>
        {
            builder.Environment.EnvironmentName = "Testing";
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(tokens.ConfigurationFor(TrackingService.Audience));
            builder.Configuration.AddInMemoryCollection(ServiceSettings.For(database, vhost));
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Tracking:IpHashKey"] = IpHashKey,
                ["Tracking:PublicBaseUrl"] = "https://go.test",
                ["Tracking:TrustedProxyNetworks:0"] = "127.0.0.1/32",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }
        });
        await app.StartAsync();
        // Every receive endpoint bound before a test publishes: RabbitMQ drops an event published to
        // an exchange no queue is bound to yet.
        await app.Services.GetRequiredService<MassTransit.IBusControl>().WaitForHealthStatus(MassTransit.BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        return new TrackingHost(app);
    }

    /// <summary>A graceful stop, as on SIGTERM: the web server stops, then the click writer drains.</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        LogContext.Current = null; // see docs/reliability.md: MassTransit keeps the first logger factory per async flow
    }
}
