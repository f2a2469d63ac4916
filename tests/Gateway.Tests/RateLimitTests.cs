using System.Net;
using AmbassadorNet.Gateway.Configuration;
using AmbassadorNet.Security;
using Gateway.Tests.Support;

namespace Gateway.Tests;

public sealed class RateLimitTests(RateLimitedFixture fixture) : IClassFixture<RateLimitedFixture>
{
    [Fact]
    public async Task A_key_over_its_bucket_gets_429_with_retry_after_while_other_keys_go_on()
    {
        using var manager = fixture.Gateway.Client(fixture.KeysByRole[Roles.Manager].Key);
        using var analyst = fixture.Gateway.Client(fixture.KeysByRole[Roles.Analyst].Key);

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < RateLimitedFixture.PerKey; i++)
        {
            allowed.Add((await manager.GetAsync("/api/creators")).StatusCode);
        }

        var refused = await manager.GetAsync("/api/creators");
        var other = await analyst.GetAsync("/api/creators");

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.OK, status));
        await refused.AssertProblemAsync(429);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    /// <summary>
    /// On a gRPC client stream each message after the first takes a token of the key's bucket: a
    /// stream of as many messages as the bucket holds empties it (every message still reaches the
    /// service), and the key's next call is refused.
    /// </summary>
    [Fact]
    public async Task Each_message_of_a_grpc_client_stream_counts_against_the_keys_bucket()
    {
        using var partner = fixture.Gateway.Client(fixture.KeysByRole[Roles.Partner].Key);
        var messages = Enumerable.Range(0, RateLimitedFixture.PerKey).SelectMany(_ => new byte[] { 0, 0, 0, 0, 3, 1, 2, 3 }).ToArray();
        using var stream = new HttpRequestMessage(HttpMethod.Post, "/ambassadornet.partner.v1.OrderStream/Post") { Content = new ByteArrayContent(messages) };
        stream.Content.Headers.ContentType = new("application/grpc");

        var forwarded = await partner.SendAsync(stream);
        var next = await partner.PostAsync("/api/conversions", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        Assert.Equal(messages.Length, (await forwarded.JsonAsync()).GetProperty("body").GetString()!.Length);
        await next.AssertProblemAsync(429);
    }

    [Fact]
    public async Task The_redirect_is_limited_per_client_ip_apart_from_keys_and_health_is_never_limited()
    {
        using var visitor = fixture.Gateway.Client();
        using var finance = fixture.Gateway.Client(fixture.KeysByRole[Roles.Finance].Key);

        var redirects = new List<HttpStatusCode>();
        for (var i = 0; i < RateLimitedFixture.PerClientIp; i++)
        {
            redirects.Add((await visitor.GetAsync($"/r/code{i}")).StatusCode);
        }

        var refusedRedirect = await visitor.GetAsync("/r/one-too-many");
        // Requests without a valid key share the address's bucket, which bounds guessing keys.
        var refusedGuess = await visitor.GetAsync("/api/creators");
        var keyed = await finance.GetAsync("/api/ledger/trial-balance");
        var health = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            health.Add((await visitor.GetAsync("/health/live")).StatusCode);
        }

        Assert.All(redirects, status => Assert.Equal(HttpStatusCode.OK, status));
        await refusedRedirect.AssertProblemAsync(429);
        Assert.NotNull(refusedRedirect.Headers.RetryAfter);
        await refusedGuess.AssertProblemAsync(429);
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        Assert.All(health, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public void By_default_a_client_ip_gets_ten_times_the_bucket_of_a_key()
    {
        var defaults = new RateLimitOptions();

        Assert.True(defaults.PerClientIp.TokenLimit >= 10 * defaults.PerKey.TokenLimit);
        Assert.True(defaults.PerClientIp.TokensPerPeriod >= 10 * defaults.PerKey.TokensPerPeriod);
    }
}
