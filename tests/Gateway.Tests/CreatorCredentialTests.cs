using System.Net.Http.Json;
using AmbassadorNet.Gateway.Api;
using AmbassadorNet.Security;
using Gateway.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gateway.Tests;

/// <summary>A creator credential: made by an admin for one creator, listed by creator, and carried to the services as the token's creator claim.</summary>
public sealed class CreatorCredentialTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_creator_credential_names_its_creator_in_the_view_the_list_and_nowhere_else()
    {
        var creatorId = Guid.CreateVersion7();
        var issued = await fixture.CreateKeyAsync(fixture.AdminKey, "Ana's own access", [Roles.Creator], creatorId);
        using var admin = fixture.Gateway.Client(fixture.AdminKey);

        var theirs = await admin.GetFromJsonAsync<ApiKeyPage>($"/api/api-keys?creatorId={creatorId}");
        var all = await admin.GetFromJsonAsync<ApiKeyPage>("/api/api-keys?limit=200");

        Assert.Equal(creatorId, issued.CreatorId);
        Assert.Equal([Roles.Creator], issued.Roles);
        Assert.Equal([issued.Id], theirs!.Items.Select(k => k.Id));
        Assert.Equal(creatorId, theirs.Items[0].CreatorId);
        Assert.All(all!.Items.Where(k => !k.Roles.Contains(Roles.Creator)), k => Assert.Null(k.CreatorId));
        Assert.All(all.Items.Where(k => k.Roles.Contains(Roles.Creator)), k => Assert.NotNull(k.CreatorId));
    }

    [Fact]
    public async Task The_service_receives_the_bound_creator_in_the_token_and_the_creator_role_alone()
    {
        using var creator = fixture.Gateway.Client(fixture.KeysByRole[Roles.Creator].Key);

        var echo = await (await creator.GetAsync("/api/me/posts")).JsonAsync();
        var token = new JsonWebToken(echo.ReceivedHeader("Authorization")!["Bearer ".Length..]);

        Assert.Equal(fixture.CreatorId.ToString(), token.GetPayloadValue<string>(InternalToken.CreatorClaim));
        Assert.Equal([Roles.Creator], token.Claims.Where(c => c.Type == InternalToken.RolesClaim).Select(c => c.Value));
        Assert.Equal(fixture.KeysByRole[Roles.Creator].Id.ToString(), token.GetPayloadValue<string>(InternalToken.ApiKeyIdClaim));
    }

    [Fact]
    public async Task A_brand_key_sends_no_creator_claim()
    {
        using var manager = fixture.Gateway.Client(fixture.KeysByRole[Roles.Manager].Key);

        var echo = await (await manager.GetAsync("/api/posts")).JsonAsync();
        var token = new JsonWebToken(echo.ReceivedHeader("Authorization")!["Bearer ".Length..]);

        Assert.False(token.TryGetPayloadValue<string>(InternalToken.CreatorClaim, out _));
    }

    [Fact]
    public async Task A_revoked_creator_credential_is_refused_at_once()
    {
        var issued = await fixture.CreateKeyAsync(fixture.AdminKey, "Leaving creator", [Roles.Creator], Guid.CreateVersion7());
        using var creator = fixture.Gateway.Client(issued.Key);
        using var admin = fixture.Gateway.Client(fixture.AdminKey);
        var before = await creator.GetAsync("/api/me/enrollments");

        (await admin.DeleteAsync($"/api/api-keys/{issued.Id}")).EnsureSuccessStatusCode();
        var after = await creator.GetAsync("/api/me/enrollments");

        Assert.True(before.IsSuccessStatusCode);
        await after.AssertProblemAsync(401);
    }
}
