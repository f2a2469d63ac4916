using System.Text.Json.Nodes;
using Yarp.ReverseProxy.Transforms;

namespace AmbassadorNet.Gateway.Proxy;

/// <summary>
/// A service writes its own internal address into its document's <c>servers</c>; through the gateway
/// the API page must send "try it out" requests to the gateway instead.
/// </summary>
internal static class OpenApiServersTransform
{
    public static async ValueTask ApplyAsync(ResponseTransformContext context)
    {
        if (context.ProxyResponse is not { IsSuccessStatusCode: true } response)
        {
            return;
        }

        var document = JsonNode.Parse(await response.Content.ReadAsStreamAsync(context.HttpContext.RequestAborted)) as JsonObject;
        if (document is null)
        {
            return;
        }

        var request = context.HttpContext.Request;
        document["servers"] = new JsonArray(new JsonObject { ["url"] = $"{request.Scheme}://{request.Host}{request.PathBase}" });
        context.SuppressResponseBody = true;
        var output = context.HttpContext.Response;
        output.Headers.ContentLength = null;
        output.ContentType = "application/json";
        await output.WriteAsync(document.ToJsonString(), context.HttpContext.RequestAborted);
    }
}
