using AmbassadorNet.Gateway;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Security;
using AmbassadorNet.TestKit;
using AmbassadorNet.TestKit.Postgres;
using AmbassadorNet.TestKit.Rabbit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Gateway.Tests.Support;

/// <summary>The gateway on Kestrel (a loopback port), configured as a deployment would configure it.</summary>
public sealed class GatewayHost(WebApplication app) : IAsyncDisposable
{
    public const string OperatorKey = "operator-key-for-tests-0123456789abcdef";

    public WebApplication App { get; } = app;

    public Uri BaseAddress { get; } = new(app.Urls.First());

    public IServiceProvider Services => App.Services;

    /// <summary>Every setting the gateway needs: its database, its broker vhost (its outbox publishes there), the given upstreams.</summary>
    public static Dictionary<string, string?> Settings(TestDatabase database, TestVhost vhost, InternalKeyPair signingKey, IReadOnlyDictionary<string, string> upstreams)
    {
        var settings = ServiceSettings.For(database, vhost);
        settings["Gateway:OperatorKey"] = OperatorKey;
        settings["Gateway:SigningKey:KeyId"] = signingKey.KeyId;
        settings["Gateway:SigningKey:Pem"] = signingKey.PrivateKeyPem;
        // Tests provoke forwarding failures on purpose; their problem responses are asserted instead.
        settings["Logging:LogLevel:Yarp.ReverseProxy.Forwarder"] = "Critical";
        foreach (var service in GatewayServices.Proxied)
        {
            settings[$"Gateway:Services:{service}"] = upstreams[service];
        }

        return settings;
    }

    public static WebApplication Build(IReadOnlyDictionary<string, string?> settings) =>
        GatewayApplication.Build(new WebApplicationOptions { EnvironmentName = "Testing" }, builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(settings);
        });

    public static async Task<GatewayHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var app = Build(settings);
        await app.StartAsync();
        return new GatewayHost(app);
    }

    /// <summary>A client sending <paramref name="key"/> as its bearer credential (none when null).</summary>
    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
