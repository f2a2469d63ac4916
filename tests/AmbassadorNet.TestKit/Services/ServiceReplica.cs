using Microsoft.AspNetCore.Builder;

namespace AmbassadorNet.TestKit.Services;

/// <summary>
/// One running instance of a service's app on a loopback port, with a client of it. Several can
/// share a database and vhost, as replicas do in production; a fixture's own app is one of them.
/// </summary>
public sealed class ServiceReplica : IAsyncDisposable
{
    private Task? _stopped;

    internal ServiceReplica(WebApplication app, bool followRedirects)
    {
        App = app;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = followRedirects }) { BaseAddress = new Uri(app.Urls.First()) };
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>A graceful stop, as on SIGTERM: the web server stops, in-flight work finishes, the rest waits in its queues.</summary>
    public Task StopAsync() => _stopped ??= App.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await StopAsync();
        await App.DisposeAsync();
    }
}
