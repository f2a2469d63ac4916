namespace AmbassadorNet.Gateway.Http;

/// <summary>
/// Replaces the connection's remote address with the client's (see <see cref="TrustedProxies.ClientAddress"/>)
/// before anything reads it, so the per-IP rate limit, the logs and the X-Forwarded-For that YARP sets
/// for the services all use one answer. Runs before <see cref="ClientHeaderStripping"/>, which then
/// removes the client's X-Forwarded-For as it always did. With no trusted proxies it does nothing.
/// </summary>
/// <remarks>
/// Not ASP.NET Core's ForwardedHeadersMiddleware: with empty KnownProxies and KnownIPNetworks it
/// believes every peer, its defaults trust loopback, and its ForwardLimit of 1 reads only the rightmost
/// entry (docs/services/gateway.md has the comparison).
/// </remarks>
internal sealed class ClientAddressResolution(RequestDelegate next, TrustedProxies proxies)
{
    public const string ForwardedForHeader = "X-Forwarded-For";

    public Task InvokeAsync(HttpContext context)
    {
        var connection = context.Connection;
        if (proxies.Networks.Count > 0 && connection.RemoteIpAddress is { } peer && proxies.IsTrusted(peer))
        {
            var client = proxies.ClientAddress(peer, context.Request.Headers.GetCommaSeparatedValues(ForwardedForHeader));
            if (client is not null && !client.Equals(peer))
            {
                connection.RemoteIpAddress = client;
                connection.RemotePort = 0; // no proxy tells us the client's port reliably
            }
        }

        return next(context);
    }
}
