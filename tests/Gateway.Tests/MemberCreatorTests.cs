using System.Net;
using System.Net.Http.Json;
using AmbassadorNet.Gateway.Api;
using AmbassadorNet.Security;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>
/// Staff who are also creators of the brand's programme (issue #32): admins link a member to the creator they are, the
/// creators service confirms the creator, one member per creator, and every key of the member carries the link to the services.
/// </summary>
public sealed class MemberCreatorTests(CreatorsDirectoryFixture fixture) : IClassFixture<CreatorsDirectoryFixture>
{
    [Fact]
    public async Task An_admin_links_a_member_to_a_creator_the_members_key_carries_it_and_clearing_it_removes_it()
    {
        var (fay, fayKey) = await fixture.CreateMemberAsync(fixture.AdminKey, "Fay Finance", Roles.Finance);
        using var admin = fixture.Gateway.Client(fixture.AdminKey);
        using var fayClient = fixture.Gateway.Client(fayKey.Key);
        var before = await fayClient.MemberCreatorSeenUpstreamAsync();

        var linked = await admin.PutAsJsonAsync($"/api/members/{fay.Id}/creator", new MemberCreatorRequest(fixture.Fay));
        var again = await admin.PutAsJsonAsync($"/api/members/{fay.Id}/creator", new MemberCreatorRequest(fixture.Fay));
        var read = await admin.GetFromJsonAsync<MemberView>($"/api/members/{fay.Id}");
        var whileLinked = await fayClient.MemberCreatorSeenUpstreamAsync();
        var cleared = await admin.PutAsJsonAsync($"/api/members/{fay.Id}/creator", new MemberCreatorRequest(null));
        var afterClearing = await fayClient.MemberCreatorSeenUpstreamAsync();

        Assert.Null(before);
        Assert.Equal((HttpStatusCode.OK, fixture.Fay), (linked.StatusCode, (await linked.Content.ReadFromJsonAsync<MemberView>())!.CreatorId));
        Assert.Equal((HttpStatusCode.OK, fixture.Fay), (again.StatusCode, (await again.Content.ReadFromJsonAsync<MemberView>())!.CreatorId));
        Assert.Equal(fixture.Fay, read!.CreatorId);
        Assert.Equal(fixture.Fay.ToString(), whileLinked);
        Assert.Equal((HttpStatusCode.OK, (Guid?)null), (cleared.StatusCode, (await cleared.Content.ReadFromJsonAsync<MemberView>())!.CreatorId));
        Assert.Null(afterClearing);
    }

    [Fact]
    public async Task Erasing_a_member_erases_the_creator_they_were_too_and_an_erased_member_is_linked_to_no_one()
    {
        var (leaving, _) = await fixture.CreateMemberAsync(fixture.AdminKey, "Lea Leaving", Roles.Finance);
        var (successor, _) = await fixture.CreateMemberAsync(fixture.AdminKey, "Sam Successor", Roles.Finance);
        var creator = fixture.Erasable;
        using var admin = fixture.Gateway.Client(fixture.AdminKey);
        (await admin.PutAsJsonAsync($"/api/members/{leaving.Id}/creator", new MemberCreatorRequest(creator))).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/members/{leaving.Id}/deactivate", null)).EnsureSuccessStatusCode();

        var erased = await admin.PostAsync($"/api/members/{leaving.Id}/erase", null);
        var relinkErased = await admin.PutAsJsonAsync($"/api/members/{leaving.Id}/creator", new MemberCreatorRequest(creator));
        var linkSuccessor = await admin.PutAsJsonAsync($"/api/members/{successor.Id}/creator", new MemberCreatorRequest(creator));

        Assert.Equal(("erased", (Guid?)null), await StatusAndCreatorAsync(erased));
        Assert.Contains("erased", (await relinkErased.AssertProblemAsync(409)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(("active", (Guid?)creator), await StatusAndCreatorAsync(linkSuccessor));
    }

    [Fact]
    public async Task An_unknown_or_erased_creator_a_creator_linked_already_a_non_admin_and_an_unknown_member_are_refused_and_change_nothing()
    {
        var (ben, _) = await fixture.CreateMemberAsync(fixture.AdminKey, "Ben Books", Roles.Finance);
        var (other, _) = await fixture.CreateMemberAsync(fixture.AdminKey, "Otto Other", Roles.Manager);
        using var admin = fixture.Gateway.Client(fixture.AdminKey);
        (await admin.PutAsJsonAsync($"/api/members/{ben.Id}/creator", new MemberCreatorRequest(fixture.Ben))).EnsureSuccessStatusCode();
        using var finance = fixture.Gateway.Client(fixture.KeysByRole[Roles.Finance].Key);

        var unknown = await admin.PutAsJsonAsync($"/api/members/{other.Id}/creator", new MemberCreatorRequest(Guid.CreateVersion7()));
        var erased = await admin.PutAsJsonAsync($"/api/members/{other.Id}/creator", new MemberCreatorRequest(fixture.Erased));
        var taken = await admin.PutAsJsonAsync($"/api/members/{other.Id}/creator", new MemberCreatorRequest(fixture.Ben));
        var byFinance = await finance.PutAsJsonAsync($"/api/members/{other.Id}/creator", new MemberCreatorRequest(fixture.Fay));
        var noMember = await admin.PutAsJsonAsync($"/api/members/{Guid.CreateVersion7()}/creator", new MemberCreatorRequest(fixture.Fay));
        var members = (await admin.GetFromJsonAsync<MemberPage>("/api/members?limit=200"))!.Items;

        Assert.Equal(["creatorId"], await HttpJson.ErrorFieldsAsync(unknown));
        Assert.Contains("erased", (await erased.AssertProblemAsync(409)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains($"member {ben.Id}", (await taken.AssertProblemAsync(409)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await byFinance.AssertProblemAsync(403);
        await noMember.AssertProblemAsync(404);
        Assert.Null(members.Single(m => m.Id == other.Id).CreatorId);
        Assert.Equal(fixture.Ben, members.Single(m => m.Id == ben.Id).CreatorId);
        Assert.Equal([ben.Id], members.Where(m => m.CreatorId == fixture.Ben).Select(m => m.Id));
    }

    private static async Task<(string Status, Guid? CreatorId)> StatusAndCreatorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var member = (await response.Content.ReadFromJsonAsync<MemberView>())!;
        return (member.Status, member.CreatorId);
    }
}
