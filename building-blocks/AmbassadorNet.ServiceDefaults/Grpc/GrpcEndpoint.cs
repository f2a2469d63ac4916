using System.Net;
using AmbassadorNet.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AmbassadorNet.ServiceDefaults.Grpc;

/// <summary>
/// A service that serves part of the partner gRPC API listens on a second port, HTTP/2 only: gRPC
/// without TLS needs HTTP/2 spoken from the first byte (h2c), which Kestrel offers only on an
/// endpoint that speaks nothing else. <c>Grpc:Url</c> names it (the AppHost sets it; the gateway
/// forwards to it); the service's HTTP addresses (<c>urls</c>) stay as they are, HTTP/1.1.
/// </summary>
public static class GrpcEndpoint
{
    public const string UrlKey = "Grpc:Url";

    /// <summary>The largest message a service reads; a longer one fails the call with RESOURCE_EXHAUSTED.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    public static WebApplicationBuilder AddPartnerGrpc(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpc(grpc =>
        {
            // No catch-all "unimplemented service" endpoint: the gateway's route table owns unknown paths.
            grpc.IgnoreUnknownServices = true;
            grpc.EnableDetailedErrors = false;
            // Orders, refunds and subscriptions are a few hundred bytes; anything near this is not one.
            grpc.MaxReceiveMessageSize = MaxMessageBytes;
        });
        builder.Services.AddGrpcHealthChecks();
        if (builder.AddSettings<GrpcEndpointOptions>().Url is not { Length: > 0 } grpcUrl)
        {
            return builder;
        }

        var grpc = Parse(grpcUrl, UrlKey);
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            // Listening explicitly replaces the urls setting, so its addresses are listened on here too.
            foreach (var url in HttpUrls(context.Configuration))
            {
                var address = Parse(url, WebHostDefaults.ServerUrlsKey);
                if (address.Port != grpc.Port || address.Port == 0)
                {
                    Listen(kestrel, address, HttpProtocols.Http1);
                }
            }

            Listen(kestrel, grpc, HttpProtocols.Http2);
            // What a client stream may have in flight toward us: HTTP/2's smallest windows (64 KiB, about
            // 500 orders) rather than Kestrel's 768 KiB and 1 MiB, so a client that writes faster than we
            // commit is held back by flow control within a few seconds of work, not minutes.
            kestrel.Limits.Http2.InitialStreamWindowSize = MinimumWindow;
            kestrel.Limits.Http2.InitialConnectionWindowSize = MinimumWindow;
        });
        return builder;
    }

    /// <summary>HTTP/2's smallest flow-control window (RFC 9113 §6.9.2).</summary>
    private const int MinimumWindow = 65_535;

    /// <summary>The HTTP addresses ASP.NET Core would have used: <c>urls</c>, else <c>http_ports</c> (the container images' ASPNETCORE_HTTP_PORTS), else its default.</summary>
    private static IEnumerable<string> HttpUrls(IConfiguration configuration)
    {
        var split = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        if (configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls)
        {
            return urls.Split(';', split);
        }

        return configuration[WebHostDefaults.HttpPortsKey] is { Length: > 0 } ports
            ? ports.Split(';', split).Select(port => $"http://*:{port}")
            : ["http://localhost:5000"];
    }

    /// <summary>The gRPC services' health (grpc.health.v1, from the service's health checks), open to probes like /health/*.</summary>
    public static IEndpointRouteBuilder MapPartnerGrpcHealth(this IEndpointRouteBuilder app)
    {
        app.MapGrpcHealthChecksService().AllowAnonymous();
        return app;
    }

    private static BindingAddress Parse(string url, string key)
    {
        var address = BindingAddress.Parse(url);
        return address.Scheme == "http" && !address.IsUnixPipe
            ? address
            : throw new InvalidOperationException($"{key}: '{url}' is not an http:// address; TLS ends at the ingress (deploy/), services listen in plain HTTP.");
    }

    private static void Listen(KestrelServerOptions kestrel, BindingAddress address, HttpProtocols protocols)
    {
        void Configure(ListenOptions listen) => listen.Protocols = protocols;
        if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(address.Port, Configure);
        }
        else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip))
        {
            kestrel.Listen(ip, address.Port, Configure);
        }
        else
        {
            kestrel.ListenAnyIP(address.Port, Configure);
        }
    }
}
