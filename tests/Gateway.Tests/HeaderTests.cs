using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>What a client says about itself in headers is dropped; what the gateway knows replaces it.</summary>
public sealed class HeaderTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Identity_and_forwarding_headers_from_the_client_never_reach_a_service()
    {
        using var client = fixture.Gateway.Client(fixture.AdminKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/creators");
        foreach (var (name, value) in new[]
                 {
                     ("X-Forwarded-For", "6.6.6.6"), ("X-Forwarded-Host", "evil.example"), ("X-Forwarded-Proto", "gopher"),
                     ("Forwarded", "for=6.6.6.6"), ("X-Real-IP", "6.6.6.6"), ("X-Amb-Brand", Guid.NewGuid().ToString()),
                     ("X-Amb-Roles", "admin"), ("Proxy-Authorization", "Basic eDp5"),
                 })
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var echo = await (await client.SendAsync(request)).JsonAsync();
        var received = echo.GetProperty("headers").EnumerateObject().Select(h => h.Name).ToList();

        Assert.Equal("127.0.0.1", echo.ReceivedHeader("X-Forwarded-For"));
        Assert.Equal(fixture.Gateway.BaseAddress.Authority, echo.ReceivedHeader("X-Forwarded-Host"));
        Assert.Equal("http", echo.ReceivedHeader("X-Forwarded-Proto"));
        Assert.DoesNotContain(received, name => name.StartsWith("x-amb-", StringComparison.Ordinal));
        Assert.DoesNotContain("forwarded", received);
        Assert.DoesNotContain("x-real-ip", received);
        Assert.DoesNotContain("proxy-authorization", received);
    }

    [Fact]
    public async Task The_redirect_gets_the_clients_address_as_the_gateway_saw_it()
    {
        using var visitor = fixture.Gateway.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/r/abc123");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.9, 6.6.6.6");

        var echo = await (await visitor.SendAsync(request)).JsonAsync();

        Assert.Equal("tracking", echo.GetProperty("service").GetString());
        Assert.Equal("127.0.0.1", echo.ReceivedHeader("X-Forwarded-For"));
    }

    [Fact]
    public async Task A_request_id_is_generated_forwarded_and_echoed()
    {
        using var client = fixture.Gateway.Client(fixture.AdminKey);

        var response = await client.GetAsync("/api/creators");
        var echo = await response.JsonAsync();
        var returned = Assert.Single(response.Headers.GetValues("X-Request-Id"));

        Assert.Equal(32, returned.Length);
        Assert.Equal(returned, echo.ReceivedHeader("X-Request-Id"));
    }

    [Theory]
    [InlineData("client-req-42", true)]
    [InlineData("has spaces in it", false)]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789", false)]
    public async Task A_sane_client_request_id_is_kept_and_anything_else_replaced(string sent, bool kept)
    {
        using var client = fixture.Gateway.Client(fixture.AdminKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/creators");
        request.Headers.TryAddWithoutValidation("X-Request-Id", sent);

        var response = await client.SendAsync(request);
        var echo = await response.JsonAsync();
        var returned = Assert.Single(response.Headers.GetValues("X-Request-Id"));

        Assert.Equal(kept, returned == sent);
        Assert.Equal(returned, echo.ReceivedHeader("X-Request-Id"));
    }

    [Fact]
    public async Task The_trace_continues_through_the_gateway_under_a_span_of_its_own()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        const string clientSpan = "00f067aa0ba902b7";
        using var client = fixture.Gateway.Client(fixture.AdminKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/analytics/leaderboard");
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-{clientSpan}-01");

        var echo = await (await client.SendAsync(request)).JsonAsync();
        var forwarded = echo.ReceivedHeader("traceparent")!.Split('-');

        Assert.Equal(traceId, forwarded[1]);
        Assert.NotEqual(clientSpan, forwarded[2]);
    }
}
