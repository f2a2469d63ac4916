using AmbassadorNet.Gateway.Access;
using Microsoft.AspNetCore.Diagnostics;
using Yarp.ReverseProxy.Forwarder;

namespace AmbassadorNet.Gateway.Proxy;

/// <summary>
/// Inside the proxy pipeline: a service's answer reaches the client as the service wrote it (no status
/// page rewriting), while the gateway's own failures to forward become problem details.
/// </summary>
internal sealed class ProxyErrorsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        await next(context);
        if (context.Features.Get<IForwarderErrorFeature>() is not { } error || context.Response.HasStarted)
        {
            return;
        }

        var (status, title, detail) = error.Error switch
        {
            // Kestrel stops a chunked body at the size limit with a 413; YARP reports it as a client error.
            ForwarderError.RequestBodyClient when Causes(error.Exception).OfType<BadHttpRequestException>().Any(b => b.StatusCode == 413) =>
                (413, "Payload too large", "The request body is over the gateway's limit."),
            ForwarderError.RequestBodyClient or ForwarderError.RequestCanceled => (400, "Bad request", "The request body could not be read."),
            ForwarderError.RequestTimedOut => (504, "Gateway timeout", "The service did not answer in time."),
            _ => (502, "Bad gateway", "The service could not be reached."),
        };
        await GatewayProblems.WriteAsync(context, status, title, detail);
    }

    private static IEnumerable<Exception> Causes(Exception? exception)
    {
        var pending = new Stack<Exception>();
        if (exception is not null)
        {
            pending.Push(exception);
        }

        while (pending.TryPop(out var current))
        {
            yield return current;
            foreach (var inner in current is AggregateException aggregate ? aggregate.InnerExceptions : current.InnerException is { } one ? [one] : [])
            {
                pending.Push(inner);
            }
        }
    }
}
