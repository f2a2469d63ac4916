namespace AmbassadorNet.Gateway.Http;

/// <summary>
/// Removes every header through which a client could claim an identity or a network origin before
/// anything reads them. Authorization is not among them: the gateway reads it, and the proxy replaces
/// it with the internal token (or drops it on public routes).
/// </summary>
internal sealed class ClientHeaderStripping(RequestDelegate next)
{
    /// <summary>Our own internal headers start with this; no client may send one.</summary>
    public const string InternalHeaderPrefix = "X-Amb-";

    private static readonly string[] ExactNames = ["Forwarded", "X-Real-IP", "X-Client-IP", "X-Original-For", "True-Client-IP", "Proxy-Authorization"];
    private static readonly string[] Prefixes = ["X-Forwarded-", InternalHeaderPrefix];

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        foreach (var name in headers.Keys.Where(IsIdentityHeader).ToList())
        {
            headers.Remove(name);
        }

        return next(context);
    }

    public static bool IsIdentityHeader(string name) =>
        ExactNames.Contains(name, StringComparer.OrdinalIgnoreCase)
        || Prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
