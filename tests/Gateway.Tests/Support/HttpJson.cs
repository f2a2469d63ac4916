using System.Text.Json;

namespace Gateway.Tests.Support;

internal static class HttpJson
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>A header the echo upstream received, or null.</summary>
    public static string? ReceivedHeader(this JsonElement echo, string name) =>
        echo.GetProperty("headers").TryGetProperty(name.ToLowerInvariant(), out var value) ? value.GetString() : null;

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
