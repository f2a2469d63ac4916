using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Support;

/// <summary>
/// A Kestrel server that answers every request with what it received (its service name, method,
/// path, query, headers, body), so a test sees exactly what the gateway forwarded. It also serves an
/// OpenAPI document at /openapi/v1.json whose servers entry names its own (internal) address.
/// </summary>
public sealed class EchoUpstream(WebApplication app, string service) : IUpstream
{
    public string Service { get; } = service;

    public string BaseAddress { get; } = app.Urls.First();

    public static async Task<EchoUpstream> StartAsync(string service)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(context => context.Request.Path == "/openapi/v1.json" ? DocumentAsync(context, service) : EchoAsync(context, service));
        await app.StartAsync();
        return new EchoUpstream(app, service);
    }

    private static async Task EchoAsync(HttpContext context, string service)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = new JsonObject();
        foreach (var (name, values) in context.Request.Headers)
        {
            headers[name.ToLowerInvariant()] = values.ToString();
        }

        var echo = new JsonObject
        {
            ["service"] = service,
            ["method"] = context.Request.Method,
            ["path"] = context.Request.Path.Value,
            ["query"] = context.Request.QueryString.Value,
            ["headers"] = headers,
            ["body"] = body,
        };
        // The echo claims an X-Request-Id of its own: the gateway's must win on the way back.
        context.Response.Headers["X-Request-Id"] = "set-by-upstream";
        context.Response.ContentType = "application/json";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.WriteAsync(echo.ToJsonString());
        }
    }

    private static Task DocumentAsync(HttpContext context, string service)
    {
        var document = new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject { ["title"] = $"AmbassadorNet {service}", ["version"] = "v1" },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = $"http://{context.Request.Host}" }),
            ["paths"] = new JsonObject(),
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(document.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
