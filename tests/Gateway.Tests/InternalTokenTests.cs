using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AmbassadorNet.Security;
using AmbassadorNet.Security.Testing;
using Gateway.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests;

/// <summary>The gateway mints the internal token in place of the client's credential, and a real service accepts only what the gateway signed.</summary>
public sealed class InternalTokenTests(RealCreatorsFixture fixture) : IClassFixture<RealCreatorsFixture>
{
    [Fact]
    public async Task A_real_service_behind_the_gateway_sees_the_callers_brand_key_and_roles()
    {
        var finance = fixture.KeysByRole[Roles.Finance];
        using var client = fixture.Gateway.Client(finance.Key);

        var caller = await client.GetFromJsonAsync<SampleCreatorsEndpoints.CallerView>("/api/creators");
        var profile = await client.PutAsync($"/api/creators/{Guid.CreateVersion7()}/payout-profile", null);
        var write = await client.PostAsync("/api/creators", null);

        Assert.Equal(fixture.BrandId, caller!.Brand);
        Assert.Equal(finance.Id, caller.KeyId);
        Assert.Equal([Roles.Finance], caller.Roles);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        await write.AssertProblemAsync(403);
    }

    [Fact]
    public async Task The_upstream_receives_an_es256_token_for_its_own_audience_never_the_api_key()
    {
        var partner = fixture.KeysByRole[Roles.Partner];
        using var client = fixture.Gateway.Client(partner.Key);

        var echo = await (await client.PostAsync("/api/conversions", null)).JsonAsync();
        var authorization = echo.ReceivedHeader("Authorization")!;
        var token = new JsonWebToken(authorization["Bearer ".Length..]);
        var validation = await ValidateWithGatewayPublicKeyAsync(token, InternalToken.AudienceFor("tracking"));

        Assert.DoesNotContain(partner.Key, authorization);
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal("ES256", token.Alg);
        Assert.Equal(fixture.SigningKey.KeyId, token.Kid);
        Assert.Equal(fixture.BrandId.ToString(), token.GetPayloadValue<string>(InternalToken.BrandClaim));
        Assert.Equal(partner.Id.ToString(), token.GetPayloadValue<string>(InternalToken.ApiKeyIdClaim));
        Assert.Equal([Roles.Partner], token.Claims.Where(c => c.Type == InternalToken.RolesClaim).Select(c => c.Value));
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromSeconds(1), InternalToken.MaxLifetime);
    }

    [Fact]
    public async Task A_public_route_forwards_no_authorization_even_when_the_client_sends_one()
    {
        using var client = fixture.Gateway.Client(fixture.AdminKey);

        var echo = await (await client.GetAsync("/r/summer24")).JsonAsync();

        Assert.Null(echo.ReceivedHeader("Authorization"));
    }

    [Fact]
    public async Task The_operator_token_carries_no_brand_and_reaches_the_ops_api()
    {
        using var operatorClient = fixture.Gateway.Client(GatewayHost.OperatorKey);

        var caller = await operatorClient.GetFromJsonAsync<SampleCreatorsEndpoints.CallerView>("/ops/creators/messaging/parked");

        Assert.Equal(Guid.Empty, caller!.Brand);
        Assert.Null(caller.KeyId);
        Assert.Equal([Roles.Operator], caller.Roles);
    }

    [Fact]
    public async Task The_service_refuses_a_forged_an_expired_and_a_misaddressed_token()
    {
        using var direct = new HttpClient { BaseAddress = new Uri(fixture.Creators.BaseAddress) };
        // Same kid as the gateway's, another private key: what an attacker without the key can make.
        using var forger = new TestTokens(fixture.SigningKey.KeyId);
        var forged = forger.Mint(InternalToken.AudienceFor("creators"), fixture.BrandId, [Roles.Admin]);
        var expired = new InternalTokenIssuer(fixture.SigningKey.Key, fixture.SigningKey.KeyId, new ShiftedClock(TimeSpan.FromMinutes(-10)))
            .Issue(InternalToken.AudienceFor("creators"), fixture.BrandId, [Roles.Admin], InternalCaller.Member(Guid.CreateVersion7()));
        // A genuine gateway token, minted for another service and replayed here.
        using var admin = fixture.Gateway.Client(fixture.AdminKey);
        var forCampaigns = (await (await admin.GetAsync("/api/campaigns")).JsonAsync()).ReceivedHeader("Authorization")!["Bearer ".Length..];
        var genuine = new InternalTokenIssuer(fixture.SigningKey.Key, fixture.SigningKey.KeyId, TimeProvider.System)
            .Issue(InternalToken.AudienceFor("creators"), fixture.BrandId, [Roles.Admin], InternalCaller.Member(Guid.CreateVersion7()));

        foreach (var token in new[] { forged, expired, forCampaigns })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await direct.SendAsync(WithToken(token))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await direct.SendAsync(WithToken(genuine))).StatusCode);
    }

    private static HttpRequestMessage WithToken(string token) =>
        new(HttpMethod.Get, "/api/creators") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };

    private Task<TokenValidationResult> ValidateWithGatewayPublicKeyAsync(JsonWebToken token, string audience) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new ECDsaSecurityKey(InternalKeys.ImportPublicKeyPem(fixture.SigningKey.PublicKeyPem)),
            ValidAlgorithms = [InternalToken.Algorithm],
            ValidAudience = audience,
            ValidateIssuer = false,
        });

    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
