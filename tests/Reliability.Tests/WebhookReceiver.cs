using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Reliability.Tests;

/// <summary>
/// A brand's webhook endpoint: a real Kestrel server on a free loopback port that answers 200 to every
/// POST and remembers the <c>webhook-id</c> of each. The system's webhooks service may deliver to it
/// because <see cref="TwoBrandsFixture"/> lists its address and port in <c>Webhooks:AllowedPrivateEndpoints</c>.
/// A 200 makes every delivery succeed at its first attempt, and a succeeded delivery is never retried,
/// so what the brand reads about it stays the same.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _webhookIds = new();
    private WebApplication? _app;

    /// <summary>The URL a subscription points at, e.g. http://127.0.0.1:41234/hook.</summary>
    public string HookUrl { get; private set; } = "";

    /// <summary>The <c>webhook-id</c> header of every POST received, in arrival order.</summary>
    public IReadOnlyCollection<string> ReceivedWebhookIds => _webhookIds;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/{**path}", (HttpRequest request) =>
        {
            receiver._webhookIds.Enqueue(request.Headers["webhook-id"].ToString());
            return Results.Ok();
        });
        await app.StartAsync();
        receiver._app = app;
        receiver.HookUrl = app.Urls.First() + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
