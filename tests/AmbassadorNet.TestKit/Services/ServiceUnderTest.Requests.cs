using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Security;

namespace AmbassadorNet.TestKit.Services;

/// <summary>Requests to the service as the gateway would forward them: with an internal token for a brand and roles.</summary>
public abstract partial class ServiceUnderTest<TDbContext>
{
    /// <summary>The roles a request carries when a test names none.</summary>
    protected virtual IReadOnlyList<string> DefaultRoles => [Roles.Admin];

    /// <summary>Sends a request as <paramref name="brand"/> with <paramref name="roles"/> (<see cref="DefaultRoles"/> when none are given).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Guid brand, object? body = null, params string[] roles) =>
        Http.SendAsync(Request(method, path, brand, body, roles.Length == 0 ? DefaultRoles : roles));

    /// <summary>Sends a GET as <paramref name="brand"/> with <paramref name="roles"/> (<see cref="DefaultRoles"/> when none are given).</summary>
    public Task<HttpResponseMessage> GetAsync(string path, Guid brand, params string[] roles) =>
        SendAsync(HttpMethod.Get, path, brand, null, roles);

    /// <summary>Sends a request as a creator credential of <paramref name="brand"/> bound to <paramref name="creator"/> (the /api/me routes).</summary>
    public Task<HttpResponseMessage> SendAsCreatorAsync(HttpMethod method, string path, Guid brand, Guid creator, object? body = null) =>
        Http.SendAsync(Request(method, path, brand, body, [Roles.Creator], CreatorKeyId(creator), creator));

    /// <summary>The JSON answer to a creator credential's request; an unsuccessful answer throws with its body.</summary>
    public async Task<JsonElement> ReadAsCreatorAsync(HttpMethod method, string path, Guid brand, Guid creator, object? body = null) =>
        await SuccessfulBodyAsync(await SendAsCreatorAsync(method, path, brand, creator, body), method, path);

    /// <summary>Sends a request as exactly <paramref name="caller"/> (a member with a key of a given age and issuer, a machine...), for tests of who may approve.</summary>
    public Task<HttpResponseMessage> SendAsAsync(HttpMethod method, string path, Guid brand, InternalCaller caller, object? body = null, params string[] roles)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", Tokens.Mint(TokenAudience, brand, roles.Length == 0 ? DefaultRoles : roles, caller));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return Http.SendAsync(request);
    }

    /// <summary>The API key id a creator's test credential carries: one per creator, stable across requests.</summary>
    public static Guid CreatorKeyId(Guid creator) => new(System.Security.Cryptography.SHA256.HashData(creator.ToByteArray())[..16]);

    /// <summary>The JSON answer to a request with the default roles; an unsuccessful answer throws with its body.</summary>
    public async Task<JsonElement> ReadAsync(HttpMethod method, string path, Guid brand, object? body = null) =>
        await SuccessfulBodyAsync(await SendAsync(method, path, brand, body), method, path);

    /// <summary>A request with a token for <paramref name="brand"/> and <paramref name="roles"/>, under the API key <paramref name="apiKey"/> if one is given.</summary>
    protected HttpRequestMessage Request(HttpMethod method, string path, Guid brand, object? body, IEnumerable<string> roles, Guid? apiKey = null, Guid? creator = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", Tokens.Mint(TokenAudience, brand, roles, apiKey, creatorId: creator));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    protected static async Task<JsonElement> SuccessfulBodyAsync(HttpResponseMessage response, HttpMethod method, string path)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.Clone()
            : throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text}");
    }
}
