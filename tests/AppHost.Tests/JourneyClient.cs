using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.TestKit.Waiting;

namespace AppHost.Tests;

/// <summary>A brand's tool talking to the gateway with one API key, as a real client would.</summary>
internal sealed class JourneyClient(HttpClient http, Uri gateway, string apiKey)
{
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(gateway, path));
        request.Headers.Authorization = new("Bearer", apiKey);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.Clone()
            : throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text}", null, response.StatusCode);
    }

    /// <summary>Retries a command until the events it depends on have reached the service that answers it.</summary>
    public Task<JsonElement> EventuallyAsync(HttpMethod method, string path, object? body, string what) =>
        Eventually.UntilAsync<JsonElement?>(async _ =>
        {
            try
            {
                return await SendAsync(method, path, body);
            }
            catch (HttpRequestException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                return null;
            }
        }, result => result is not null, what).ContinueWith(t => t.Result!.Value);
}
