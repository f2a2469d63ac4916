using System.Text.Json;
using AmbassadorNet.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gateway.Tests.Support;

internal static class HttpJson
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>A header the echo upstream received, or null.</summary>
    public static string? ReceivedHeader(this JsonElement echo, string name) =>
        echo.GetProperty("headers").TryGetProperty(name.ToLowerInvariant(), out var value) ? value.GetString() : null;

    /// <summary>The internal token the echo behind <paramref name="path"/> received for this client's credential.</summary>
    public static async Task<JsonWebToken> TokenSeenUpstreamAsync(this HttpClient client, string path = "/api/ledger/trial-balance")
    {
        var echo = await (await client.GetAsync(path)).JsonAsync();
        return new JsonWebToken(echo.ReceivedHeader("Authorization")!["Bearer ".Length..]);
    }

    /// <summary>The creator the member behind this client is linked to, as the internal token says; null when none.</summary>
    public static async Task<string?> MemberCreatorSeenUpstreamAsync(this HttpClient client) =>
        (await client.TokenSeenUpstreamAsync()).TryGetPayloadValue<string>(InternalToken.MemberCreatorClaim, out var creator) ? creator : null;

    /// <summary>Asserts an RFC 9457 problem with the status and returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("traceId", out _), "a problem carries the trace id");
        return problem;
    }

    /// <summary>Asserts a 400 problem and returns the fields its errors name, in order.</summary>
    public static async Task<List<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(400);
        return [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order()];
    }
}
