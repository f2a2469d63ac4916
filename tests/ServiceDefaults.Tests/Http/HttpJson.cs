using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceDefaults.Tests.Http;

internal static class HttpJson
{
    public static HttpRequestMessage WithJson(this HttpRequestMessage request, object body)
    {
        request.Content = JsonContent.Create(body);
        return request;
    }

    public static HttpRequestMessage WithRawJson(this HttpRequestMessage request, string body)
    {
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        return request;
    }

    public static HttpRequestMessage WithHeader(this HttpRequestMessage request, string name, string value)
    {
        request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
