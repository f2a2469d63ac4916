using System.Net;
using System.Net.Http.Json;
using AmbassadorNet.Gateway.Api;
using AmbassadorNet.Security;
using Gateway.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gateway.Tests;

/// <summary>A brand's people (issue #32): members, the keys issued to them or to machines, and what the internal token says of each.</summary>
public sealed class MemberTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_new_brand_starts_with_its_first_admin_as_a_member_who_holds_the_first_key()
    {
        using var operatorClient = fixture.Gateway.Client(GatewayHost.OperatorKey);
        var response = await operatorClient.PostAsJsonAsync("/api/brands", new CreateBrandRequest("Members brand", new NewMemberRequest("Olga Owner", "Olga.Owner@Example.com")));
        var created = (await response.Content.ReadFromJsonAsync<BrandCreated>())!;
        using var admin = fixture.Gateway.Client(created.ApiKey.Key);
        var members = (await admin.GetFromJsonAsync<MemberPage>("/api/members"))!;

        Assert.Equal(("Olga Owner", "olga.owner@example.com", "active"), (created.Admin.Name, created.Admin.Email, created.Admin.Status));
        Assert.Equal([Roles.Admin], created.Admin.Roles);
        Assert.Equal((CallerKinds.Member, created.Admin.Id), (created.ApiKey.Kind, created.ApiKey.MemberId));
        Assert.Equal(created.Admin.Id, Assert.Single(members.Items).Id);
    }

    [Fact]
    public async Task A_members_key_and_a_machine_key_say_who_they_are_and_who_issued_them_in_the_internal_token()
    {
        var adminMember = await AdminMemberAsync();
        var (finance, financeKey) = await fixture.CreateMemberAsync(fixture.AdminKey, "Fiona Fin", Roles.Finance);
        var shop = await fixture.CreateKeyAsync(fixture.AdminKey, "webshop", [Roles.Partner]);

        var memberToken = await TokenSeenUpstreamAsync(financeKey.Key, HttpMethod.Get, "/api/ledger/trial-balance");
        var machineToken = await TokenSeenUpstreamAsync(shop.Key, HttpMethod.Post, "/api/conversions");

        Assert.Equal((CallerKinds.Member, finance.Id.ToString(), adminMember.ToString()), (memberToken.GetPayloadValue<string>(InternalToken.KindClaim),
            memberToken.GetPayloadValue<string>(InternalToken.MemberClaim), memberToken.GetPayloadValue<string>(InternalToken.KeyIssuedByClaim)));
        Assert.InRange(memberToken.GetPayloadValue<long>(InternalToken.KeyIssuedAtClaim) - financeKey.CreatedAt.ToUnixTimeMilliseconds(), 0, 1);
        Assert.Equal((CallerKinds.Machine, shop.Kind, false), (machineToken.GetPayloadValue<string>(InternalToken.KindClaim), CallerKinds.Machine,
            machineToken.TryGetPayloadValue<string>(InternalToken.MemberClaim, out _)));
        Assert.Equal(adminMember.ToString(), machineToken.GetPayloadValue<string>(InternalToken.KeyIssuedByClaim));
    }

    [Fact]
    public async Task A_members_keys_carry_at_most_the_members_roles_now_and_nothing_once_deactivated()
    {
        var (member, key) = await fixture.CreateMemberAsync(fixture.AdminKey, "Rolf Roles", Roles.Finance, Roles.Analyst);
        using var admin = fixture.Gateway.Client(fixture.AdminKey);
        using var client = fixture.Gateway.Client(key.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/ledger/trial-balance")).StatusCode);

        var narrowed = await admin.PutAsJsonAsync($"/api/members/{member.Id}/roles", new MemberRolesRequest([Roles.Analyst]));
        var ledgerAfter = await client.GetAsync("/api/ledger/trial-balance");
        var analyticsAfter = await client.GetAsync($"/api/analytics/campaigns/{Guid.CreateVersion7()}/summary");
        var deactivated = await admin.PostAsync($"/api/members/{member.Id}/deactivate", null);
        var again = await admin.PostAsync($"/api/members/{member.Id}/deactivate", null);
        var afterDeactivation = await client.GetAsync($"/api/analytics/campaigns/{Guid.CreateVersion7()}/summary");
        var newKey = await admin.PostAsJsonAsync("/api/api-keys", new CreateApiKeyRequest("another", [Roles.Analyst], MemberId: member.Id));

        Assert.Equal([Roles.Analyst], (await narrowed.Content.ReadFromJsonAsync<MemberView>())!.Roles);
        await ledgerAfter.AssertProblemAsync(403);
        Assert.Equal(HttpStatusCode.OK, analyticsAfter.StatusCode);
        var (first, second) = ((await deactivated.Content.ReadFromJsonAsync<MemberView>())!, (await again.Content.ReadFromJsonAsync<MemberView>())!);
        Assert.Equal(("deactivated", first.DeactivatedAt), (first.Status, second.DeactivatedAt));
        await afterDeactivation.AssertProblemAsync(401);
        await newKey.AssertProblemAsync(409);
    }

    [Fact]
    public async Task Bad_member_and_member_key_requests_are_problems_naming_the_field_and_change_nothing()
    {
        using var admin = fixture.Gateway.Client(fixture.AdminKey);
        var before = (await admin.GetFromJsonAsync<MemberPage>("/api/members?limit=200"))!.Items.Count;
        var (member, _) = await fixture.CreateMemberAsync(fixture.AdminKey, "Dora Dup", Roles.Manager);

        var bad = await admin.PostAsJsonAsync("/api/members", new NewMemberRequest("", "not-an-address", [Roles.Partner]));
        var duplicate = await admin.PostAsJsonAsync("/api/members", new NewMemberRequest("Dora Again", member.Email!.ToUpperInvariant(), [Roles.Manager]));
        var beyondRoles = await admin.PostAsJsonAsync("/api/api-keys", new CreateApiKeyRequest("too much", [Roles.Admin], MemberId: member.Id));
        var unknownMember = await admin.PostAsJsonAsync("/api/api-keys", new CreateApiKeyRequest("nobody's", [Roles.Manager], MemberId: Guid.CreateVersion7()));
        var both = await admin.PostAsJsonAsync("/api/api-keys", new CreateApiKeyRequest("both", [Roles.Creator], fixture.CreatorId, member.Id));
        var badRoles = await admin.PutAsJsonAsync($"/api/members/{member.Id}/roles", new MemberRolesRequest([Roles.Events]));
        var unknown = await admin.GetAsync($"/api/members/{Guid.CreateVersion7()}");
        using var finance = fixture.Gateway.Client(fixture.KeysByRole[Roles.Finance].Key);
        var notAdmin = await finance.GetAsync("/api/members");
        var after = (await admin.GetFromJsonAsync<MemberPage>("/api/members?limit=200"))!;

        Assert.Equal(["email", "name", "roles"], await HttpJson.ErrorFieldsAsync(bad));
        await duplicate.AssertProblemAsync(409);
        Assert.Equal(["roles"], await HttpJson.ErrorFieldsAsync(beyondRoles));
        Assert.Equal(["memberId"], await HttpJson.ErrorFieldsAsync(unknownMember));
        Assert.Equal(["memberId"], await HttpJson.ErrorFieldsAsync(both));
        Assert.Equal(["roles"], await HttpJson.ErrorFieldsAsync(badRoles));
        await unknown.AssertProblemAsync(404);
        await notAdmin.AssertProblemAsync(403);
        Assert.Equal(before + 1, after.Items.Count);
        Assert.Equal([Roles.Manager], after.Items.Single(m => m.Id == member.Id).Roles);
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_deactivated_nor_demoted_until_there_is_another()
    {
        var brand = await fixture.CreateBrandAsync($"One admin {Guid.NewGuid():N}");
        using var admin = fixture.Gateway.Client(brand.ApiKey.Key);
        var only = brand.Admin.Id;

        var deactivate = await admin.PostAsync($"/api/members/{only}/deactivate", null);
        var demote = await admin.PutAsJsonAsync($"/api/members/{only}/roles", new MemberRolesRequest([Roles.Finance]));
        (await admin.PostAsJsonAsync("/api/members", new NewMemberRequest("Second Admin", null, [Roles.Admin]))).EnsureSuccessStatusCode();
        var demotedNow = await admin.PutAsJsonAsync($"/api/members/{only}/roles", new MemberRolesRequest([Roles.Finance]));

        Assert.Contains("last active admin", (await deactivate.AssertProblemAsync(409)).GetProperty("detail").GetString());
        await demote.AssertProblemAsync(409);
        Assert.Equal([Roles.Finance], (await demotedNow.Content.ReadFromJsonAsync<MemberView>())!.Roles);
    }

    private async Task<Guid> AdminMemberAsync()
    {
        using var admin = fixture.Gateway.Client(fixture.AdminKey);
        return (await admin.GetFromJsonAsync<MemberPage>("/api/members?limit=200"))!.Items.First().Id;
    }

    private async Task<JsonWebToken> TokenSeenUpstreamAsync(string key, HttpMethod method, string path)
    {
        using var client = fixture.Gateway.Client(key);
        var echo = await (await client.SendAsync(new HttpRequestMessage(method, path))).JsonAsync();
        return new JsonWebToken(echo.ReceivedHeader("Authorization")!["Bearer ".Length..]);
    }
}
