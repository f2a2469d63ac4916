using System.Diagnostics;

namespace AmbassadorNet.Gateway.Http;

/// <summary>
/// Every request has an <c>X-Request-Id</c>: the client's if it is a sane token, else a new one. It is
/// forwarded to the service, echoed on the response and tagged on the gateway's span and log scope.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string Header = "X-Request-Id";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = context.Request.Headers[Header] is [{ } sent] && IsSane(sent) ? sent : Guid.CreateVersion7().ToString("N");
        context.Request.Headers[Header] = requestId;
        // Set when the response starts, so it replaces whatever the service echoed rather than doubling it.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = requestId;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("http.request.header.x_request_id", requestId);
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = requestId }))
        {
            await next(context);
        }
    }

    /// <summary>Anything else (long, or with characters that could forge log lines) is replaced, not trusted.</summary>
    private static bool IsSane(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
