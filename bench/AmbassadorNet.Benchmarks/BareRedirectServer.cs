using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AmbassadorNet.Benchmarks;

/// <summary>
/// B0: Kestrel answering every <c>/r/{code}</c> with a constant 302 and nothing else — the ceiling a
/// redirect service on this machine and framework can reach.
/// </summary>
public sealed class BareRedirectServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareRedirectServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<BareRedirectServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapMethods("/r/{code}", ["GET", "HEAD"], (HttpContext context) =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = "https://shop.example.com/?utm_source=ambassadornet&amb_cid=0";
            return Task.CompletedTask;
        });
        await app.StartAsync();
        return new BareRedirectServer(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
