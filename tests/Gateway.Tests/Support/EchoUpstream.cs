using System.Net;
using System.Text.Json.Nodes;
using AmbassadorNet.Gateway.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
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

    /// <summary>A second, HTTP/2-only port for a service of the partner gRPC API: the gateway forwards gRPC calls there.</summary>
    public string? GrpcAddress { get; } = GatewayServices.GrpcPrefixes.ContainsKey(service) ? app.Urls.Last() : null;

    public static async Task<EchoUpstream> StartAsync(string service)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
            if (GatewayServices.GrpcPrefixes.ContainsKey(service))
            {
                kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            }
        });
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
            ["protocol"] = context.Request.Protocol,
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
