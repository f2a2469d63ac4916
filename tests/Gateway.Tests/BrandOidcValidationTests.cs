using AmbassadorNet.Gateway.Identity.Oidc;
using AmbassadorNet.Security;
using AmbassadorNet.TestOidc;
using Gateway.Tests.Support;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests;

/// <summary>
/// A brand's member signs in with a token from the brand's own OpenID Connect provider (a real one,
/// OpenIddict on 127.0.0.1, tokens obtained through the authorization code flow), and every token that
/// must not sign anyone in is refused with its own reason.
/// </summary>
public sealed class BrandOidcValidationTests(OidcProvidersFixture fixture) : IClassFixture<OidcProvidersFixture>
{
    private static readonly TestOidcUser Ann = new("00u-ann", "Ann Example", "ann@brand-a.example", ["finance-team", "everyone"]);

    [Fact]
    public async Task A_token_from_the_brands_provider_signs_the_member_in_with_their_mapped_roles()
    {
        var token = await fixture.ProviderA.SignInAsync(Ann, OidcProvidersFixture.AudienceA);

        var result = await fixture.Host.ValidateAsync(token);

        Assert.Null(result.Refusal);
        var signIn = result.SignIn!;
        Assert.Equal(fixture.BrandA.BrandId, signIn.BrandId);
        Assert.Equal(fixture.ProviderA.Issuer, signIn.Issuer);
        Assert.Equal("00u-ann", signIn.Subject);
        Assert.Equal("Ann Example", signIn.Name);
        Assert.Equal("ann@brand-a.example", signIn.Email);
        Assert.True(signIn.EmailVerified);
        Assert.Equal([Roles.Finance, Roles.Analyst], signIn.Roles);
    }

    [Fact]
    public async Task An_address_the_provider_did_not_verify_comes_through_marked_so()
    {
        var token = await fixture.ProviderA.SignInAsync(Ann with { EmailVerified = false }, OidcProvidersFixture.AudienceA);

        var signIn = (await fixture.Host.ValidateAsync(token)).SignIn!;

        Assert.Equal(("ann@brand-a.example", false), (signIn.Email, signIn.EmailVerified));
    }

    [Fact]
    public async Task Several_groups_grant_the_union_of_their_roles_once_each()
    {
        var lead = new TestOidcUser("00u-lead", "Lea Lead", "lea@brand-a.example", ["marketing", "finance-team", "ambassador-admins", "marketing"]);
        var token = await fixture.ProviderA.SignInAsync(lead, OidcProvidersFixture.AudienceA);

        var result = await fixture.Host.ValidateAsync(token);

        Assert.Equal([Roles.Admin, Roles.Manager, Roles.Finance, Roles.Analyst], result.SignIn!.Roles);
    }

    [Fact]
    public async Task A_member_whose_groups_map_to_no_role_is_refused()
    {
        var visitor = new TestOidcUser("00u-vic", "Vic Visitor", "vic@brand-a.example", ["everyone", "Finance-Team"]);
        var token = await fixture.ProviderA.SignInAsync(visitor, OidcProvidersFixture.AudienceA);

        var result = await fixture.Host.ValidateAsync(token);

        AssertRefused(OidcRefusalReason.NoMappedRole, result);
    }

    [Fact]
    public async Task A_mapping_onto_operator_or_machine_roles_grants_nothing()
    {
        var ops = new TestOidcUser("00u-ops", "Olli Ops", "olli@brand-a.example", ["platform-ops"]);
        var token = await fixture.ProviderA.SignInAsync(ops, OidcProvidersFixture.AudienceA);

        var result = await fixture.Host.ValidateAsync(token);

        AssertRefused(OidcRefusalReason.NoMappedRole, result);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var token = await fixture.ProviderA.SignInAsync(Ann, "some-other-app");

        var result = await fixture.Host.ValidateAsync(token);

        AssertRefused(OidcRefusalReason.WrongAudience, result);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = await fixture.ProviderA.SignInAsync(Ann, OidcProvidersFixture.AudienceA, issuedAt: DateTimeOffset.UtcNow - 2 * TestOidcProvider.AccessTokenLifetime);

        var result = await fixture.Host.ValidateAsync(token);

        AssertRefused(OidcRefusalReason.Expired, result);
    }

    [Fact]
    public async Task A_token_from_a_provider_no_brand_trusts_is_refused_without_reading_its_metadata()
    {
        var token = await fixture.Stranger.SignInAsync(Ann, OidcProvidersFixture.AudienceA);

        var result = await fixture.Host.ValidateAsync(token);

        AssertRefused(OidcRefusalReason.UnknownIssuer, result);
        Assert.Equal(0, fixture.Stranger.Requests(TestOidcProvider.DiscoveryPath));
        Assert.Equal(0, fixture.Stranger.Requests(TestOidcProvider.KeySetPath));
    }

    [Fact]
    public async Task Two_brands_providers_at_once_each_token_signs_in_to_its_own_brand()
    {
        var bob = new TestOidcUser("00u-bob", "Bob Brand-B", "bob@brand-b.example", ["marketing"]);
        var tokens = await Task.WhenAll(
            fixture.ProviderA.SignInAsync(Ann, OidcProvidersFixture.AudienceA),
            fixture.ProviderB.SignInAsync(bob, OidcProvidersFixture.AudienceB),
            // The third brand shares the first brand's provider: the audience tells them apart.
            fixture.ProviderA.SignInAsync(Ann, OidcProvidersFixture.AudienceC));

        var results = await Task.WhenAll(tokens.Select(fixture.Host.ValidateAsync));

        Assert.Equal(
            [(fixture.BrandA.BrandId, fixture.ProviderA.Issuer, "00u-ann"), (fixture.BrandB.BrandId, fixture.ProviderB.Issuer, "00u-bob"), (fixture.BrandC.BrandId, fixture.ProviderA.Issuer, "00u-ann")],
            results.Select(r => (r.SignIn!.BrandId, r.SignIn.Issuer, r.SignIn.Subject)));
        Assert.Equal([Roles.Manager], results[1].SignIn!.Roles);
    }

    [Fact]
    public async Task A_token_of_one_brands_provider_for_the_other_brands_audience_is_refused()
    {
        // Provider B never signs for brand A's audience: brand A trusts provider A only.
        var token = await fixture.ProviderB.SignInAsync(Ann, OidcProvidersFixture.AudienceA);

        var result = await fixture.Host.ValidateAsync(token);

        AssertRefused(OidcRefusalReason.WrongAudience, result);
    }

    [Fact]
    public async Task A_token_whose_payload_was_changed_has_a_bad_signature()
    {
        var token = await fixture.ProviderA.SignInAsync(Ann, OidcProvidersFixture.AudienceA);
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"everyone\"", "\"ambassador-admins\"", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var result = await fixture.Host.ValidateAsync(tampered);

        Assert.NotEqual(token, tampered);
        AssertRefused(OidcRefusalReason.BadSignature, result);
    }

    [Fact]
    public async Task A_token_with_its_signature_stripped_is_refused()
    {
        var token = await fixture.ProviderA.SignInAsync(Ann, OidcProvidersFixture.AudienceA);
        var parts = token.Split('.');
        var unsigned = $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}.";

        var result = await fixture.Host.ValidateAsync(unsigned);

        AssertRefused(OidcRefusalReason.BadSignature, result);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0")]
    public async Task A_bearer_token_that_is_not_a_jwt_is_malformed(string token)
    {
        var result = await fixture.Host.ValidateAsync(token);

        AssertRefused(OidcRefusalReason.Malformed, result);
    }

    [Theory]
    [InlineData("amb_live_0123456789abcdefghijklmnopqrstuvwxyzABCD", false)]
    [InlineData("operator-key-for-tests", false)]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln", true)]
    public void A_bearer_token_with_three_parts_is_taken_for_a_providers_jwt(string token, bool jwt)
    {
        Assert.Equal(jwt, BrandOidcValidator.LooksLikeJwt(token));
    }

    private static void AssertRefused(OidcRefusalReason reason, OidcValidationResult result)
    {
        Assert.Null(result.SignIn);
        Assert.Equal(OidcRefusal.Of(reason), result.Refusal);
    }
}
