using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AmbassadorNet.Demo;

/// <summary>
/// One API key talking to the gateway. A 429 is waited out (Retry-After) and a 502/503 or a dropped
/// connection retried with backoff, as docs/partners.md asks of every client; any other non-2xx throws.
/// </summary>
public sealed class ApiClient(HttpClient http, Uri gateway, string key)
{
    public string Key => key;

    /// <summary>Another key of the same brand on the same connection pool.</summary>
    public ApiClient WithKey(string otherKey) => new(http, gateway, otherKey);

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body = null)
    {
        var text = await SendForTextAsync(method, path, () => body is null ? null : JsonContent.Create(body));
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<string> GetTextAsync(string path) => SendForTextAsync(HttpMethod.Get, path, () => null);

    public async Task<JsonElement> PostTextAsync(string path, string body, string mediaType)
    {
        var text = await SendForTextAsync(HttpMethod.Post, path, () => new StringContent(body, System.Text.Encoding.UTF8, mediaType));
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<string> SendForTextAsync(HttpMethod method, string path, Func<HttpContent?> content)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, new Uri(gateway, path)) { Content = content() };
            request.Headers.Authorization = new("Bearer", key);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request);
            }
            catch (HttpRequestException) when (attempt < 6)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt));
                continue;
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 50)
                {
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                    continue;
                }

                if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable && attempt < 6)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt));
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text}", null, response.StatusCode);
                }

                return text;
            }
        }
    }

    public Task<JsonElement> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<JsonElement> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    /// <summary>Every item of a keyset-paged list (<c>items</c>, <c>nextCursor</c>).</summary>
    public async Task<List<JsonElement>> AllAsync(string path)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var page = await GetAsync($"{path}{separator}limit=200{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return items;
    }
}
