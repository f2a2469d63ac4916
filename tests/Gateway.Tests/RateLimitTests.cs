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
