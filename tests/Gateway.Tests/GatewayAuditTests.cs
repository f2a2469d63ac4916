using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Gateway.Api;
using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Security;
using AmbassadorNet.TestKit.Postgres;
using AmbassadorNet.TestKit.Waiting;
using Gateway.Tests.Support;
using Npgsql;

namespace Gateway.Tests;

/// <summary>
/// The gateway's own changes (members, keys, brands) are audit records in its outbox, committed with the change
/// and handed to the broker like every service's (issue #32); a member is erased on request.
/// </summary>
public sealed class GatewayAuditTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Adding_a_member_and_issuing_them_a_key_are_recorded_as_the_admins_changes_with_the_key_hash_hidden()
    {
        var adminMember = await AdminMemberAsync();
        using var admin = fixture.Gateway.Client(fixture.AdminKey);

        var created = await admin.PostAsJsonAsync("/api/members", new NewMemberRequest("Audra Audit", "audra.audit@example.com", [Roles.Finance]));
        var member = (await created.Content.ReadFromJsonAsync<MemberView>())!;
        var issued = await admin.PostAsJsonAsync("/api/api-keys", new CreateApiKeyRequest("Audra's laptop", [Roles.Finance], MemberId: member.Id));
        var key = (await issued.Content.ReadFromJsonAsync<IssuedApiKey>())!;

        var records = await RecordsAsync(fixture.BrandId);
        var memberRecord = records.Single(r => r.GetProperty("action").GetProperty("name").GetString() == "CreateMember"
            && Change(r).GetProperty("subjectId").GetString() == member.Id.ToString());
        var keyRecord = records.Single(r => Change(r).GetProperty("subjectId").GetString() == key.Id.ToString());
        Assert.Equal(("gateway", created.Headers.GetValues("X-Request-Id").Single()), (memberRecord.GetProperty("service").GetString(), memberRecord.GetProperty("requestId").GetString()));
        Assert.Equal((CallerKinds.Member, adminMember), (Caller(memberRecord).GetProperty("kind").GetString(), Caller(memberRecord).GetProperty("memberId").GetGuid()));
        Assert.Equal(("members", "created", "finance"), (Change(memberRecord).GetProperty("subjectType").GetString(), Change(memberRecord).GetProperty("operation").GetString(),
            Change(memberRecord).GetProperty("fields").GetProperty("roles").GetProperty("after")[0].GetString()));
        var personal = Change(memberRecord).GetProperty("personal");
        Assert.Equal((member.Id, "Audra Audit", "audra.audit@example.com"), (personal.GetProperty("memberId").GetGuid(),
            personal.GetProperty("fields").GetProperty("name").GetProperty("after").GetString(), personal.GetProperty("fields").GetProperty("email").GetProperty("after").GetString()));
        Assert.False(Change(memberRecord).GetProperty("fields").TryGetProperty("name", out _)); // personal data only apart

        var keyFields = Change(keyRecord).GetProperty("fields");
        Assert.Equal(("api_keys", "***", member.Id.ToString()), (Change(keyRecord).GetProperty("subjectType").GetString(),
            keyFields.GetProperty("keyHash").GetProperty("after").GetString(), keyFields.GetProperty("memberId").GetProperty("after").GetString()));
        Assert.DoesNotContain(key.Key[key.Prefix.Length..], keyRecord.GetRawText());
        Assert.Equal((member.Id, "Audra's laptop"), (Change(keyRecord).GetProperty("personal").GetProperty("memberId").GetGuid(),
            Change(keyRecord).GetProperty("personal").GetProperty("fields").GetProperty("name").GetProperty("after").GetString()));
        await Eventually.UntilAsync(async _ => await PendingAsync(fixture.BrandId) == 0, "the gateway's outbox to reach the broker");
    }

    [Fact]
    public async Task Creating_a_brand_is_recorded_in_the_new_brands_trail_as_the_operators_change()
    {
        using var operatorClient = fixture.Gateway.Client(GatewayHost.OperatorKey);

        var response = await operatorClient.PostAsJsonAsync("/api/brands", new CreateBrandRequest("Audited brand", new NewMemberRequest("Otto Owner", "otto@example.com")));
        var created = (await response.Content.ReadFromJsonAsync<BrandCreated>())!;

        var record = Assert.Single(await RecordsAsync(created.Brand.Id));
        Assert.Equal((CallerKinds.Operator, "CreateBrand"), (Caller(record).GetProperty("kind").GetString(), record.GetProperty("action").GetProperty("name").GetString()));
        Assert.Equal(["api_keys", "members"], record.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("subjectType").GetString()).Order());
    }

    [Fact]
    public async Task A_deactivated_member_is_erased_on_request_once_and_an_active_one_is_not()
    {
        var (member, key) = await fixture.CreateMemberAsync(fixture.AdminKey, "Erin Erase", Roles.Analyst);
        using var admin = fixture.Gateway.Client(fixture.AdminKey);

        var whileActive = await admin.PostAsync($"/api/members/{member.Id}/erase", null);
        var unchanged = (await admin.GetFromJsonAsync<MemberView>($"/api/members/{member.Id}"))!;
        await admin.PostAsync($"/api/members/{member.Id}/deactivate", null);
        var erased = await admin.PostAsync($"/api/members/{member.Id}/erase", null);
        var again = await admin.PostAsync($"/api/members/{member.Id}/erase", null);
        var keys = (await admin.GetFromJsonAsync<ApiKeyPage>("/api/api-keys?limit=200"))!.Items;

        await whileActive.AssertProblemAsync(409);
        Assert.Equal(("Erin Erase", "active"), (unchanged.Name, unchanged.Status));
        var view = (await erased.Content.ReadFromJsonAsync<MemberView>())!;
        Assert.Equal((Member.ErasedName, null, "erased", true), (view.Name, view.Email, view.Status, view.ErasedAt is not null));
        Assert.Equal(view.ErasedAt, (await again.Content.ReadFromJsonAsync<MemberView>())!.ErasedAt);
        Assert.Equal(ApiKey.ErasedMembersKeyName, keys.Single(k => k.Id == key.Id).Name);
        var erasures = await OutboxBodiesAsync(fixture.BrandId, "MemberErased");
        Assert.Equal(member.Id, Assert.Single(erasures).GetProperty("memberId").GetGuid());
    }

    [Fact]
    public async Task Erasing_an_unknown_member_or_without_the_admin_role_is_a_problem_and_records_nothing()
    {
        var (member, _) = await fixture.CreateMemberAsync(fixture.AdminKey, "Nora Noerase", Roles.Analyst);
        using var admin = fixture.Gateway.Client(fixture.AdminKey);
        await admin.PostAsync($"/api/members/{member.Id}/deactivate", null);
        using var finance = fixture.Gateway.Client(fixture.KeysByRole[Roles.Finance].Key);
        var recordsBefore = (await RecordsAsync(fixture.BrandId)).Count;

        var unknown = await admin.PostAsync($"/api/members/{Guid.CreateVersion7()}/erase", null);
        var notAnId = await admin.PostAsync("/api/members/not-an-id/erase", null);
        var notAdmin = await finance.PostAsync($"/api/members/{member.Id}/erase", null);
        var after = (await admin.GetFromJsonAsync<MemberView>($"/api/members/{member.Id}"))!;

        await unknown.AssertProblemAsync(404);
        await notAnId.AssertProblemAsync(404);
        await notAdmin.AssertProblemAsync(403);
        Assert.Equal(("Nora Noerase", "deactivated"), (after.Name, after.Status));
        Assert.Equal(recordsBefore, (await RecordsAsync(fixture.BrandId)).Count);
        Assert.DoesNotContain(await OutboxBodiesAsync(fixture.BrandId, "MemberErased"), e => e.GetProperty("memberId").GetGuid() == member.Id);
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_the_brand_one_admin()
    {
        for (var round = 0; round < 5; round++)
        {
            var brand = await fixture.CreateBrandAsync($"Two admins {round}");
            var first = await AdminMemberAsync(brand.ApiKey.Key);
            var (second, secondKey) = await CreateAdminAsync(brand.ApiKey.Key, round);
            using var firstClient = fixture.Gateway.Client(brand.ApiKey.Key);
            using var secondClient = fixture.Gateway.Client(secondKey.Key);

            var answers = await Task.WhenAll(
                firstClient.PutAsJsonAsync($"/api/members/{second.Id}/roles", new MemberRolesRequest([Roles.Analyst])),
                secondClient.PutAsJsonAsync($"/api/members/{first}/roles", new MemberRolesRequest([Roles.Analyst])));

            var members = (await fixture.Gateway.Client(answers[0].IsSuccessStatusCode ? brand.ApiKey.Key : secondKey.Key).GetFromJsonAsync<MemberPage>("/api/members"))!;
            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
            Assert.Single(members.Items, m => m.Roles.Contains(Roles.Admin));
        }
    }

    private async Task<(MemberView Member, IssuedApiKey Key)> CreateAdminAsync(string adminKey, int round)
    {
        using var client = fixture.Gateway.Client(adminKey);
        var member = (await (await client.PostAsJsonAsync("/api/members", new NewMemberRequest($"Second admin {round}", null, [Roles.Admin]))).Content.ReadFromJsonAsync<MemberView>())!;
        return (member, await fixture.CreateKeyAsync(adminKey, "second admin's key", [Roles.Admin], memberId: member.Id));
    }

    private async Task<Guid> AdminMemberAsync(string? key = null)
    {
        using var admin = fixture.Gateway.Client(key ?? fixture.AdminKey);
        return (await admin.GetFromJsonAsync<MemberPage>("/api/members?limit=200"))!.Items.First().Id;
    }

    private static JsonElement Caller(JsonElement record) => record.GetProperty("caller");

    private static JsonElement Change(JsonElement record) => record.GetProperty("changes")[0];

    private Task<List<JsonElement>> RecordsAsync(Guid brand) => OutboxBodiesAsync(brand, "AuditRecorded");

    private Task<List<JsonElement>> OutboxBodiesAsync(Guid brand, string type) => OutboxEvents.OfTypeAsync(fixture.Database.ConnectionString, brand, type);

    private async Task<long> PendingAsync(Guid brand)
    {
        await using var connection = fixture.Database.OpenConnection();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE brand_id = @b AND dispatched_at IS NULL", connection);
        command.Parameters.AddWithValue("b", brand);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
