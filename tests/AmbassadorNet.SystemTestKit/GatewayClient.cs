using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.TestKit.Waiting;

namespace AmbassadorNet.SystemTestKit;

/// <summary>A brand's tool talking to the gateway with one API key, as a real client would.</summary>
public sealed class GatewayClient(HttpClient http, Uri gateway, string apiKey)
{
    public Uri Gateway => gateway;

    public string ApiKey => apiKey;

    /// <summary>Creates a brand with the operator key and returns a client holding its first (admin) key.</summary>
    public static async Task<GatewayClient> ForNewBrandAsync(HttpClient http, Uri gateway, string operatorKey, string name)
    {
        var created = await new GatewayClient(http, gateway, operatorKey).SendAsync(HttpMethod.Post, "/api/brands", new { name });
        return new GatewayClient(http, gateway, created.GetProperty("apiKey").GetProperty("key").GetString()!);
    }

    /// <summary>
    /// A new member of the brand (a person: <paramref name="name"/>, an address made from it) with
    /// <paramref name="roles"/>, and a client holding a key issued to them by this client's key.
    /// </summary>
    public async Task<GatewayClient> WithMemberAsync(string name, params string[] roles)
    {
        var email = $"{new string([.. name.ToLowerInvariant().Where(char.IsLetterOrDigit)])}-{Guid.NewGuid():N}@example.com";
        var member = await SendAsync(HttpMethod.Post, "/api/members", new { name, email, roles });
        var issued = await SendAsync(HttpMethod.Post, "/api/api-keys", new { name = $"{name}'s key", roles, memberId = member.GetProperty("id").GetString() });
        return new GatewayClient(http, gateway, issued.GetProperty("key").GetString()!);
    }

    /// <summary>A client of the same brand holding a new machine key (a shop, a partner system) with <paramref name="roles"/>.</summary>
    public async Task<GatewayClient> WithNewKeyAsync(string name, params string[] roles)
    {
        var issued = await SendAsync(HttpMethod.Post, "/api/api-keys", new { name, roles });
        return new GatewayClient(http, gateway, issued.GetProperty("key").GetString()!);
    }

    /// <summary>A client holding a new creator credential of the same brand, bound to <paramref name="creatorId"/>.</summary>
    public async Task<GatewayClient> WithCreatorCredentialAsync(string name, string creatorId)
    {
        var issued = await SendAsync(HttpMethod.Post, "/api/api-keys", new { name, roles = new[] { "creator" }, creatorId });
        return new GatewayClient(http, gateway, issued.GetProperty("key").GetString()!);
    }

    /// <summary>Sends and returns the JSON body of a 2xx answer; any other status throws with the body in the message.</summary>
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body = null)
    {
        var (status, text) = await SendRawAsync(method, path, body is null ? null : JsonContent.Create(body));
        return (int)status is >= 200 and < 300
            ? (text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone())
            : throw new HttpRequestException($"{method} {path} answered {(int)status}: {text}", null, status);
    }

    /// <summary>
    /// Sends any content and returns the status and body text, whatever the status, except that a 429
    /// is waited out (Retry-After) and sent again, as a well-behaved client does: tests send bursts
    /// beyond a key's rate limit.
    /// </summary>
    public async Task<(HttpStatusCode Status, string Body)> SendRawAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        var body = content is null ? null : await content.ReadAsByteArrayAsync();
        for (var attempt = 1; ; attempt++)
        {
            using var copy = body is null ? null : new ByteArrayContent(body);
            if (copy is not null)
            {
                foreach (var header in content!.Headers)
                {
                    copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            var (status, text, retryAfter) = await SendOnceAsync(method, path, copy);
            if (status != HttpStatusCode.TooManyRequests || attempt == 20)
            {
                return (status, text);
            }

            await Task.Delay(retryAfter ?? TimeSpan.FromSeconds(1));
        }
    }

    private async Task<(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)> SendOnceAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, new Uri(gateway, path)) { Content = content };
        request.Headers.Authorization = new("Bearer", apiKey);
        // A large body waits for "100 Continue": a server refusing it (413) answers before it is sent,
        // instead of closing a connection the client is still writing to.
        request.Headers.ExpectContinue = content?.Headers.ContentLength > 64 * 1024;
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.RetryAfter?.Delta);
    }

    /// <summary>Retries a command until the events it depends on have reached the service that answers it.</summary>
    public Task<JsonElement> EventuallyAsync(HttpMethod method, string path, object? body, string what) =>
        Eventually.UntilAsync<JsonElement?>(async _ =>
        {
            try
            {
                return await SendAsync(method, path, body);
            }
            catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                return null;
            }
        }, result => result is not null, what).ContinueWith(t => t.Result!.Value);
}
