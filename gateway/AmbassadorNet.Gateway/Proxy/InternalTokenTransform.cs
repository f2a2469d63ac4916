using System.Net.Http.Headers;
using AmbassadorNet.Security;
using Yarp.ReverseProxy.Transforms;

namespace AmbassadorNet.Gateway.Proxy;

/// <summary>
/// Replaces the client's Authorization header with an internal token for exactly this service (its
/// audience), this brand, this key and its roles. Public routes forward no Authorization at all.
/// </summary>
internal sealed class InternalTokenTransform(InternalTokenIssuer issuer, TimeSpan lifetime)
{
    public ValueTask ApplyAsync(RequestTransformContext context, string service)
    {
        var headers = context.ProxyRequest.Headers;
        headers.Remove("Authorization");
        var caller = context.HttpContext.User;
        if (caller.Identity?.IsAuthenticated == true)
        {
            var token = issuer.Issue(InternalToken.AudienceFor(service), caller.GetBrandId(), caller.GetRoles(), caller.GetApiKeyId(), lifetime);
            headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return ValueTask.CompletedTask;
    }
}
