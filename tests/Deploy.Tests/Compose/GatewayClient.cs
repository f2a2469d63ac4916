using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Deploy.Tests.Compose;

/// <summary>Calls through the gateway with one API key; every answer must be a success.</summary>
internal sealed class GatewayClient(HttpClient http, string key)
{
    public Task<JsonElement> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<JsonElement> PostAsync(string path, object? body = null) =>
        SendAsync(HttpMethod.Post, path, body is null ? null : JsonContent.Create(body));

    public async Task<string> GetTextAsync(string path)
    {
        using var response = await http.SendAsync(Request(HttpMethod.Get, path, null));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return text;
    }

    public Task<JsonElement> PostTextAsync(string path, string text, string mediaType) =>
        SendAsync(HttpMethod.Post, path, new StringContent(text, System.Text.Encoding.UTF8, mediaType));

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var response = await http.SendAsync(Request(method, path, content));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content) => new(method, path)
    {
        Content = content,
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
    };
}
