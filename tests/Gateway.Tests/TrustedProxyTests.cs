using System.Net;
using AmbassadorNet.Gateway.Configuration;
using AmbassadorNet.Gateway.Http;
using Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Tests;

/// <summary>
/// Behind a load balancer the client's address comes from X-Forwarded-For, but only when the peer is a
/// trusted proxy. Here the test client (127.0.0.1) plays the load balancer; each test uses addresses of
/// its own, because the per-IP buckets live as long as the fixture's gateway.
/// </summary>
public sealed class TrustedProxyTests(TrustedProxyFixture fixture) : IClassFixture<TrustedProxyFixture>
{
    [Fact]
    public async Task Through_a_trusted_proxy_the_service_receives_the_forwarded_client_alone()
    {
        using var balancer = fixture.Gateway.Client();
        using var keyed = fixture.Gateway.Client(fixture.AdminKey);

        var redirect = await SendAsync(balancer, "/r/abc123", "203.0.113.7");
        var api = await SendAsync(keyed, "/api/creators", "203.0.113.8");

        Assert.Equal(HttpStatusCode.OK, redirect.StatusCode);
        Assert.Equal("203.0.113.7", (await redirect.JsonAsync()).ReceivedHeader("X-Forwarded-For"));
        Assert.Equal("203.0.113.8", (await api.JsonAsync()).ReceivedHeader("X-Forwarded-For"));
    }

    [Fact]
    public async Task A_client_cannot_choose_its_address_by_writing_the_header_itself()
    {
        using var balancer = fixture.Gateway.Client();

        // The client sent "X-Forwarded-For: 1.2.3.4"; the load balancer appended the address it saw.
        var echo = await (await SendAsync(balancer, "/r/abc123", "1.2.3.4, 203.0.113.9")).JsonAsync();

        Assert.Equal("203.0.113.9", echo.ReceivedHeader("X-Forwarded-For"));
    }

    [Fact]
    public async Task A_malformed_entry_stops_at_the_last_trusted_hop_and_no_header_means_the_proxy_itself()
    {
        using var balancer = fixture.Gateway.Client();

        var malformed = await (await SendAsync(balancer, "/r/abc123", "203.0.113.10, not-an-address")).JsonAsync();
        var none = await (await SendAsync(balancer, "/r/abc123", forwardedFor: null)).JsonAsync();

        Assert.Equal("127.0.0.1", malformed.ReceivedHeader("X-Forwarded-For"));
        Assert.Equal("127.0.0.1", none.ReceivedHeader("X-Forwarded-For"));
    }

    [Fact]
    public async Task Two_forwarded_clients_have_separate_rate_limit_buckets()
    {
        using var balancer = fixture.Gateway.Client();
        const string busy = "198.51.100.10", quiet = "198.51.100.11";

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < TrustedProxyFixture.PerClientIp; i++)
        {
            allowed.Add((await SendAsync(balancer, $"/r/code{i}", busy)).StatusCode);
        }

        var refused = await SendAsync(balancer, "/r/one-too-many", busy);
        var other = await SendAsync(balancer, "/r/code0", quiet);

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.OK, status));
        await refused.AssertProblemAsync(429);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(quiet, (await other.JsonAsync()).ReceivedHeader("X-Forwarded-For"));
    }

    [Fact]
    public async Task From_a_peer_outside_the_trusted_networks_the_header_is_ignored_and_the_peer_is_limited()
    {
        // A second gateway on the same database and upstreams that trusts only 10.0.0.0/8: 127.0.0.1 is a stranger.
        await using var strict = await GatewayHost.StartAsync(fixture.SettingsWith(new Dictionary<string, string?> { ["Gateway:TrustedProxies:0"] = "10.0.0.0/8" }));
        using var visitor = strict.Client();

        var seen = new List<string?>();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < TrustedProxyFixture.PerClientIp; i++)
        {
            var response = await SendAsync(visitor, $"/r/code{i}", $"192.0.2.{i + 1}");
            statuses.Add(response.StatusCode);
            seen.Add((await response.JsonAsync()).ReceivedHeader("X-Forwarded-For"));
        }

        var refused = await SendAsync(visitor, "/r/one-too-many", "192.0.2.200");

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.All(seen, address => Assert.Equal("127.0.0.1", address));
        await refused.AssertProblemAsync(429);
    }

    [Theory]
    [InlineData("not-a-cidr")]
    [InlineData("10.0.0.7")]
    [InlineData("10.0.0.7/8")]
    [InlineData("10.0.0.0/33")]
    public void The_gateway_refuses_to_start_with_a_trusted_proxy_that_is_not_a_network(string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => GatewayHost.Build(fixture.SettingsWith(new Dictionary<string, string?> { ["Gateway:TrustedProxies:1"] = value })));

        Assert.Contains("Gateway:TrustedProxies", error.Message);
        Assert.Contains($"'{value}'", error.Message);
        Assert.Single(error.Failures);
    }

    [Fact]
    public async Task A_blank_entry_is_no_network_and_does_not_stop_the_gateway()
    {
        // Deployment manifests leave an empty placeholder for the overlay to fill (tracking's does).
        await using var app = GatewayHost.Build(fixture.SettingsWith(new Dictionary<string, string?> { ["Gateway:TrustedProxies:0"] = "", ["Gateway:TrustedProxies:1"] = " " }));

        Assert.Equal(2, app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.TrustedProxies.Count);
        Assert.Empty(app.Services.GetRequiredService<TrustedProxies>().Networks);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }

        return client.SendAsync(request);
    }
}
