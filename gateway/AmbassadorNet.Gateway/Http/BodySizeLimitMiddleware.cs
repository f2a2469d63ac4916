using AmbassadorNet.Gateway.Access;
using AmbassadorNet.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Gateway.Http;

/// <summary>
/// A declared Content-Length over the limit is refused with a 413 problem before anything is read or
/// forwarded. Kestrel's own limit (the same number) stops chunked bodies that grow past it.
/// </summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, IOptions<GatewayOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        return context.Request.ContentLength > limit
            ? GatewayProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Payload too large", $"Request bodies are limited to {limit} bytes.")
            : next(context);
    }
}
