using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Webhooks.Tests;

/// <summary>A scripted answer: a status, optional headers, and optionally a wait before answering (a hanging receiver).</summary>
public sealed record Reply(int Status, IReadOnlyDictionary<string, string>? Headers = null, Task? WaitFor = null);

public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt)
{
    public string WebhookId => Headers["webhook-id"];

    public long Timestamp => long.Parse(Headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture);

    public string Signature => Headers["webhook-signature"];
}

/// <summary>
/// A real Kestrel app on 127.0.0.1 that records every request (raw body, headers) and answers each
/// path with the replies scripted for it, then 200.
/// </summary>
public sealed class TestReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Reply>> _scripts = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private WebApplication _app = null!;

    public string BaseUrl { get; private set; } = "";

    public static async Task<TestReceiver> StartAsync()
    {
        var receiver = new TestReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        receiver._app = builder.Build();
        receiver._app.Run(receiver.HandleAsync);
        await receiver._app.StartAsync();
        receiver.BaseUrl = receiver._app.Urls.First();
        return receiver;
    }

    public string UrlFor(string path) => $"{BaseUrl}/{path.TrimStart('/')}";

    public void Script(string path, params Reply[] replies)
    {
        var queue = _scripts.GetOrAdd("/" + path.TrimStart('/'), _ => new ConcurrentQueue<Reply>());
        foreach (var reply in replies)
        {
            queue.Enqueue(reply);
        }
    }

    public IReadOnlyList<ReceivedRequest> ReceivedAt(string path) =>
        _received.Where(r => r.Path == "/" + path.TrimStart('/')).OrderBy(r => r.ReceivedAt).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = context.Request.Path.Value ?? "/";
        _received.Enqueue(new ReceivedRequest(path, context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body, DateTimeOffset.UtcNow));
        var reply = _scripts.TryGetValue(path, out var queue) && queue.TryDequeue(out var next) ? next : new Reply(200);
        if (reply.WaitFor is not null)
        {
            await reply.WaitFor.WaitAsync(context.RequestAborted);
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync($"answered {reply.Status}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
