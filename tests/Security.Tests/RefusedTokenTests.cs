using System.Net;
using AmbassadorNet.Security;
using AmbassadorNet.Security.Testing;
using Security.Tests.Support;

namespace Security.Tests;

/// <summary>Every way a token can be wrong ends in 401, for the reason the log names, without the token in the log.</summary>
public sealed class RefusedTokenTests(SecuredApp fixture) : IClassFixture<SecuredApp>
{
    private readonly TestApp _app = fixture.App;
    private readonly TestTokens _tokens = fixture.Tokens;

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        // exp 10 s ago: beyond the 5 s skew (the library's default skew of 5 minutes would accept it).
        var clock = ManualClock.Shifted(TimeSpan.FromSeconds(-40));
        var issuer = new InternalTokenIssuer(_tokens.Key, _tokens.KeyId, clock);

        await AssertRefused(issuer.Issue(TestApp.Audience, Guid.CreateVersion7(), [Roles.Admin], InternalCaller.Member(Guid.CreateVersion7()), lifetime: TimeSpan.FromSeconds(30)), "expired");
    }

    [Fact]
    public async Task A_token_for_another_service_is_refused()
    {
        await AssertRefused(_tokens.Mint(InternalToken.AudienceFor("payouts"), Guid.CreateVersion7(), [Roles.Admin]), "wrong audience");
    }

    [Fact]
    public async Task A_token_signed_with_an_unknown_kid_is_refused()
    {
        using var stranger = new TestTokens("unknown-key");

        await AssertRefused(stranger.Mint(TestApp.Audience, Guid.CreateVersion7(), [Roles.Admin]), "unknown signing key");
    }

    [Fact]
    public async Task A_token_signed_by_a_configured_key_under_another_kid_is_refused()
    {
        // Proves the kid selects the key: trying every configured key would accept this one.
        var now = DateTimeOffset.UtcNow;
        var token = ForgedTokens.Es256(_tokens.Key, "not-configured", ForgedTokens.Payload(TestApp.Audience, now, now.AddSeconds(30)));

        await AssertRefused(token, "unknown signing key");
    }

    [Fact]
    public async Task A_tampered_payload_is_refused()
    {
        var token = _tokens.Mint(TestApp.Audience, Guid.CreateVersion7(), [Roles.Admin]);

        await AssertRefused(ForgedTokens.Tampered(token), "invalid signature");
    }

    [Fact]
    public async Task A_signature_from_another_key_under_a_known_kid_is_refused()
    {
        using var impostor = new TestTokens(_tokens.KeyId);

        await AssertRefused(impostor.Mint(TestApp.Audience, Guid.CreateVersion7(), [Roles.Admin]), "invalid signature");
    }

    [Fact]
    public async Task An_HS256_token_is_refused()
    {
        var now = DateTimeOffset.UtcNow;

        await AssertRefused(ForgedTokens.Hs256(_tokens.KeyId, ForgedTokens.Payload(TestApp.Audience, now, now.AddSeconds(30))), "algorithm not allowed");
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_refused()
    {
        var now = DateTimeOffset.UtcNow;

        await AssertRefused(ForgedTokens.Unsigned(_tokens.KeyId, ForgedTokens.Payload(TestApp.Audience, now, now.AddSeconds(30))), "algorithm not allowed");
    }

    [Fact]
    public async Task A_token_living_longer_than_60_seconds_is_refused()
    {
        var now = DateTimeOffset.UtcNow;
        var token = ForgedTokens.Es256(_tokens.Key, _tokens.KeyId, ForgedTokens.Payload(TestApp.Audience, now, now.AddSeconds(120)));

        await AssertRefused(token, "lifetime over 60 s");
    }

    [Fact]
    public async Task A_token_issued_in_the_future_is_refused()
    {
        var issuer = new InternalTokenIssuer(_tokens.Key, _tokens.KeyId, ManualClock.Shifted(TimeSpan.FromSeconds(30)));

        await AssertRefused(issuer.Issue(TestApp.Audience, Guid.CreateVersion7(), [Roles.Admin], InternalCaller.Member(Guid.CreateVersion7())), "issued in the future");
    }

    [Fact]
    public async Task A_brandless_token_without_the_operator_role_is_refused()
    {
        var now = DateTimeOffset.UtcNow;
        var payload = ForgedTokens.Payload(TestApp.Audience, now, now.AddSeconds(30)).Replace("\"brand\":\"", $"\"brand\":\"{Guid.Empty}\",\"old\":\"", StringComparison.Ordinal);

        await AssertRefused(ForgedTokens.Es256(_tokens.Key, _tokens.KeyId, payload), "no brand");
    }

    [Theory]
    [InlineData("\"roles\":[\"creator\"]", "caller does not fit the roles")]
    [InlineData("\"roles\":[\"creator\",\"admin\"],\"creator\":\"0197a3c0-2222-7000-8000-000000000042\"", "caller does not fit the roles")]
    [InlineData("\"roles\":[\"admin\"],\"creator\":\"0197a3c0-2222-7000-8000-000000000042\"", "caller does not fit the roles")]
    [InlineData("\"roles\":[\"creator\"],\"creator\":\"ana\"", "malformed creator")]
    public async Task A_token_whose_creator_claim_does_not_fit_its_roles_is_refused(string rolesAndCreator, string reason)
    {
        var now = DateTimeOffset.UtcNow;
        var payload = ForgedTokens.Payload(TestApp.Audience, now, now.AddSeconds(30)).Replace("\"roles\":[\"admin\"]", rolesAndCreator, StringComparison.Ordinal);

        await AssertRefused(ForgedTokens.Es256(_tokens.Key, _tokens.KeyId, payload), reason);
    }

    [Theory]
    [InlineData(",\"kind\":\"member\",\"member\":\"M\"", "", "no caller kind")]
    [InlineData("\"kind\":\"member\"", "\"kind\":\"person\"", "no caller kind")]
    [InlineData("\"member\":\"M\"", "\"member\":\"bob\"", "malformed member")]
    [InlineData(",\"member\":\"M\"", "", "caller does not fit the roles")]
    [InlineData("\"kind\":\"member\"", "\"kind\":\"machine\"", "caller does not fit the roles")]
    [InlineData("\"kind\":\"member\"", "\"kind\":\"operator\"", "caller does not fit the roles")]
    [InlineData("\"roles\":[\"admin\"]", "\"roles\":[\"admin\"],\"keyIssuedBy\":\"carol\"", "malformed keyIssuedBy")]
    [InlineData("\"kind\":\"member\",\"member\":\"M\"",
        "\"kind\":\"machine\",\"keyId\":\"0197a3c0-2222-7000-8000-000000000041\",\"memberCreator\":\"0197a3c0-2222-7000-8000-000000000042\"",
        "caller does not fit the roles")]
    [InlineData("\"roles\":[\"admin\"]", "\"roles\":[\"admin\"],\"memberCreator\":\"fay\"", "malformed memberCreator")]
    public async Task A_token_whose_caller_claims_do_not_fit_is_refused(string claim, string replacement, string reason)
    {
        var now = DateTimeOffset.UtcNow;
        var payload = ForgedTokens.Payload(TestApp.Audience, now, now.AddSeconds(30));
        var member = payload[(payload.IndexOf("\"member\":\"", StringComparison.Ordinal) + 10)..^2];
        payload = payload.Replace(claim.Replace("\"M\"", $"\"{member}\"", StringComparison.Ordinal), replacement, StringComparison.Ordinal);

        await AssertRefused(ForgedTokens.Es256(_tokens.Key, _tokens.KeyId, payload), reason);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("bm90IGpzb24.bm90IGpzb24.c2lnbmF0dXJlLXBhcnQtaGVyZQ")]
    public async Task A_malformed_token_is_refused(string token)
    {
        await AssertRefused(token, "malformed token");
    }

    [Fact]
    public async Task A_token_under_another_scheme_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/catalog");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic YWRtaW46YWRtaW4=");

        using var response = await _app.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task AssertRefused(string token, string reason)
    {
        using var response = await _app.GetAsync("/catalog", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal($"Internal token refused: {reason}", _app.Logs.Lines.Last(l => l.StartsWith("Internal token refused", StringComparison.Ordinal)).Trim());
        var signature = token.Split('.')[^1];
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains(token, StringComparison.Ordinal) || (signature.Length >= 16 && l.Contains(signature, StringComparison.Ordinal)));
    }
}
