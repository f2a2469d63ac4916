using System.Net;
using System.Net.Http.Json;
using AmbassadorNet.Gateway.Api;
using AmbassadorNet.Security;
using AmbassadorNet.TestOidc;
using Gateway.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gateway.Tests;

/// <summary>
/// A brand's staff sign in with the brand's own OpenID Connect provider (issue #32), a real one
/// (<see cref="TestOidcProvider"/>): its token signs a member in, the provider's groups give the roles,
/// and the services see a member without a key (the member id stands in for it).
/// </summary>
public sealed class SignInTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>, IAsyncLifetime
{
    private const string Audience = "ambassadornet-sign-in-tests";

    private TestOidcProvider _provider = null!;
    private BrandCreated _brand = null!;

    public async ValueTask InitializeAsync()
    {
        _provider = await TestOidcProvider.StartAsync();
        _brand = await fixture.CreateBrandAsync($"Sign-in brand {Guid.NewGuid():N}");
        using var admin = Admin();
        var set = await admin.PutAsJsonAsync("/api/identity-provider", new IdentityProviderRequest(_provider.Issuer, Audience, null,
            new Dictionary<string, IReadOnlyList<string>> { ["fin-team"] = [Roles.Finance], ["marketing"] = [Roles.Manager, Roles.Analyst] }));
        set.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task A_member_signs_in_with_the_brands_provider_and_the_service_sees_that_member_with_no_key_of_theirs()
    {
        var user = new TestOidcUser("u-100", "Nina Numbers", "Nina.Numbers@Example.com", ["fin-team", "unmapped"]);

        var echo = await (await SignedIn(await _provider.SignInAsync(user, Audience)).GetAsync("/api/ledger/trial-balance")).JsonAsync();
        var token = new JsonWebToken(echo.ReceivedHeader("Authorization")!["Bearer ".Length..]);
        var member = (await MembersAsync()).Single(m => m.IdentityIssuer == _provider.Issuer);

        Assert.Equal(("Nina Numbers", "nina.numbers@example.com", "active"), (member.Name, member.Email, member.Status));
        Assert.Equal([Roles.Finance], member.Roles);
        Assert.Equal((CallerKinds.Member, member.Id.ToString(), _brand.Brand.Id.ToString(), _provider.Issuer), (token.GetPayloadValue<string>(InternalToken.KindClaim),
            token.GetPayloadValue<string>(InternalToken.MemberClaim), token.GetPayloadValue<string>(InternalToken.BrandClaim), token.GetPayloadValue<string>(InternalToken.SignedInWithClaim)));
        // No key: the member id stands in for it, and nothing says when a key was issued or by whom.
        Assert.Equal(member.Id.ToString(), token.GetPayloadValue<string>(InternalToken.ApiKeyIdClaim));
        Assert.False(token.TryGetPayloadValue<long>(InternalToken.KeyIssuedAtClaim, out _) || token.TryGetPayloadValue<string>(InternalToken.KeyIssuedByClaim, out _));
        Assert.Equal([Roles.Finance], token.Claims.Where(c => c.Type == InternalToken.RolesClaim).Select(c => c.Value));
    }

    [Fact]
    public async Task A_signed_in_member_linked_to_a_creator_carries_the_creator_from_their_next_request_on()
    {
        var user = new TestOidcUser("u-150", "Fay Finance", "fay@example.com", ["fin-team"]);
        var creator = Guid.CreateVersion7(); // the echo behind the gateway answers for any creator
        using var faySignedIn = SignedIn(await _provider.SignInAsync(user, Audience));
        var before = await faySignedIn.TokenSeenUpstreamAsync();
        var member = (await MembersAsync()).Single(m => m.Email == "fay@example.com");
        using var admin = Admin();

        (await admin.PutAsJsonAsync($"/api/members/{member.Id}/creator", new MemberCreatorRequest(creator))).EnsureSuccessStatusCode();
        var after = await faySignedIn.TokenSeenUpstreamAsync();

        Assert.False(before.TryGetPayloadValue<string>(InternalToken.MemberCreatorClaim, out _));
        Assert.Equal((creator.ToString(), member.Id.ToString(), _provider.Issuer), (after.GetPayloadValue<string>(InternalToken.MemberCreatorClaim),
            after.GetPayloadValue<string>(InternalToken.MemberClaim), after.GetPayloadValue<string>(InternalToken.SignedInWithClaim)));
    }

    [Fact]
    public async Task The_first_sign_in_links_the_member_the_admins_made_with_that_email_and_later_ones_find_them_again()
    {
        using var admin = Admin();
        var made = (await (await admin.PostAsJsonAsync("/api/members", new NewMemberRequest("Otto Made", "otto@example.com", [Roles.Finance]))).Content.ReadFromJsonAsync<MemberView>())!;
        var user = new TestOidcUser("u-200", "Otto From Provider", "OTTO@example.com", ["fin-team"]);

        Assert.Equal(HttpStatusCode.OK, (await SignedIn(await _provider.SignInAsync(user, Audience)).GetAsync("/api/ledger/trial-balance")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignedIn(await _provider.SignInAsync(user, Audience)).GetAsync("/api/ledger/trial-balance")).StatusCode);
        var members = await MembersAsync();

        var linked = Assert.Single(members, m => m.Email == "otto@example.com");
        Assert.Equal((made.Id, "Otto Made", _provider.Issuer), (linked.Id, linked.Name, linked.IdentityIssuer));
    }

    [Fact]
    public async Task An_address_the_provider_did_not_verify_links_no_member_and_takes_no_address()
    {
        using var admin = Admin();
        var made = (await (await admin.PostAsJsonAsync("/api/members", new NewMemberRequest("Vera Made", "vera@example.com", [Roles.Finance]))).Content.ReadFromJsonAsync<MemberView>())!;
        var claimant = new TestOidcUser("u-250", "Not Vera", "vera@example.com", ["fin-team"], EmailVerified: false);
        var squatter = new TestOidcUser("u-251", "Not Wes", "wes@example.com", ["fin-team"], EmailVerified: false);

        var response = await SignedIn(await _provider.SignInAsync(claimant, Audience)).GetAsync("/api/ledger/trial-balance");
        await SignedIn(await _provider.SignInAsync(squatter, Audience)).GetAsync("/api/ledger/trial-balance");
        var members = await MembersAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // a member of its own, with the roles its groups give
        var untouched = Assert.Single(members, m => m.Id == made.Id);
        Assert.Equal(("vera@example.com", null), (untouched.Email, untouched.IdentityIssuer));
        var signedIn = Assert.Single(members, m => m.Name == "Not Vera");
        Assert.Equal((null, _provider.Issuer), (signedIn.Email, signedIn.IdentityIssuer));
        // An address nobody holds yet is not taken either: the person it belongs to may sign in later.
        Assert.Null(Assert.Single(members, m => m.Name == "Not Wes").Email);
        Assert.DoesNotContain(members, m => m.Email == "wes@example.com");
    }

    [Fact]
    public async Task The_providers_groups_decide_the_roles_at_each_sign_in_and_a_deactivated_member_is_refused()
    {
        var asFinance = new TestOidcUser("u-300", "Moved Mo", "mo@example.com", ["fin-team"]);
        var asMarketing = asFinance with { Groups = ["marketing"] };
        using var admin = Admin();

        var ledgerAsFinance = await SignedIn(await _provider.SignInAsync(asFinance, Audience)).GetAsync("/api/ledger/trial-balance");
        using var moved = SignedIn(await _provider.SignInAsync(asMarketing, Audience));
        var ledgerAsMarketing = await moved.GetAsync("/api/ledger/trial-balance");
        var campaignsAsMarketing = await moved.GetAsync("/api/campaigns");
        var member = (await MembersAsync()).Single(m => m.Email == "mo@example.com");
        (await admin.PostAsync($"/api/members/{member.Id}/deactivate", null)).EnsureSuccessStatusCode();
        var afterDeactivation = await SignedIn(await _provider.SignInAsync(asMarketing, Audience)).GetAsync("/api/campaigns");

        Assert.Equal(HttpStatusCode.OK, ledgerAsFinance.StatusCode);
        await ledgerAsMarketing.AssertProblemAsync(403);
        Assert.Equal(HttpStatusCode.OK, campaignsAsMarketing.StatusCode);
        Assert.Equal([Roles.Manager, Roles.Analyst], member.Roles);
        var refused = await afterDeactivation.AssertProblemAsync(401);
        Assert.Contains("deactivated", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_token_for_another_audience_or_after_the_provider_is_removed_signs_nobody_in()
    {
        var user = new TestOidcUser("u-400", "Ada Away", "ada@example.com", ["fin-team"]);
        using var admin = Admin();

        var otherAudience = await SignedIn(await _provider.SignInAsync(user, "someone-else")).GetAsync("/api/ledger/trial-balance");
        var token = await _provider.SignInAsync(user, Audience);
        var removed = await admin.DeleteAsync("/api/identity-provider");
        var afterRemoval = await SignedIn(token).GetAsync("/api/ledger/trial-balance");
        var none = await admin.GetAsync("/api/identity-provider");

        Assert.Contains("audience", (await otherAudience.AssertProblemAsync(401)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Contains("issuer", (await afterRemoval.AssertProblemAsync(401)).GetProperty("detail").GetString());
        await none.AssertProblemAsync(404);
    }

    [Fact]
    public async Task Bad_provider_settings_are_400s_naming_the_field_and_another_brands_issuer_and_audience_is_a_409()
    {
        using var admin = Admin();
        var before = await (await admin.GetAsync("/api/identity-provider")).Content.ReadAsStringAsync();
        var other = await fixture.CreateBrandAsync($"Other brand {Guid.NewGuid():N}");
        using var otherAdmin = fixture.Gateway.Client(other.ApiKey.Key);

        var bad = await admin.PutAsJsonAsync("/api/identity-provider", new IdentityProviderRequest("ftp://idp.example.com/", "", new string('c', 101),
            new Dictionary<string, IReadOnlyList<string>> { ["shops"] = [Roles.Partner] }));
        var plainHttp = await admin.PutAsJsonAsync("/api/identity-provider", new IdentityProviderRequest("http://idp.example.com/", Audience, null,
            new Dictionary<string, IReadOnlyList<string>> { ["fin-team"] = [Roles.Finance] }));
        var taken = await otherAdmin.PutAsJsonAsync("/api/identity-provider", new IdentityProviderRequest(_provider.Issuer, Audience, null,
            new Dictionary<string, IReadOnlyList<string>> { ["fin-team"] = [Roles.Finance] }));
        using var finance = fixture.Gateway.Client(fixture.KeysByRole[Roles.Finance].Key);
        var notAdmin = await finance.GetAsync("/api/identity-provider");
        var after = await (await admin.GetAsync("/api/identity-provider")).Content.ReadAsStringAsync();

        Assert.Equal(["audience", "issuer", "roleMappings", "rolesClaim"], await HttpJson.ErrorFieldsAsync(bad));
        Assert.Equal(["issuer"], await HttpJson.ErrorFieldsAsync(plainHttp));
        await taken.AssertProblemAsync(409);
        await notAdmin.AssertProblemAsync(403);
        Assert.Equal(before, after);
    }

    private HttpClient Admin() => fixture.Gateway.Client(_brand.ApiKey.Key);

    private HttpClient SignedIn(string token) => fixture.Gateway.Client(token);

    private async Task<IReadOnlyList<MemberView>> MembersAsync()
    {
        using var admin = Admin();
        return (await admin.GetFromJsonAsync<MemberPage>("/api/members?limit=200"))!.Items;
    }
}
