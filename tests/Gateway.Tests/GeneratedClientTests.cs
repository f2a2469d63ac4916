using AmbassadorNet.Client;
using AmbassadorNet.Security;
using Gateway.Tests.Support;
using ClientCreateApiKeyRequest = AmbassadorNet.Client.CreateApiKeyRequest;

namespace Gateway.Tests;

/// <summary>
/// The typed client that clients/AmbassadorNet.Client generates from the merged contract, against the
/// real gateway: the document's operation ids, bodies and security are what the gateway answers to.
/// </summary>
public sealed class GeneratedClientTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task The_generated_client_creates_and_lists_a_brands_keys_with_its_admin_key()
    {
        var created = await fixture.CreateBrandAsync("Contract Outfitters");
        using var http = fixture.Gateway.Client(created.ApiKey.Key);
        var client = new AmbassadorNetClient(http);

        var issued = await client.CreateApiKeyAsync(new ClientCreateApiKeyRequest { Name = "Shop sync", Roles = [Roles.Partner] });
        var page = await client.ListApiKeysAsync(creatorId: null, cursor: null, limit: null);

        Assert.Equal([Roles.Partner], issued.Roles);
        Assert.StartsWith("amb_live_", issued.Key);
        Assert.Equal([created.ApiKey.Id, issued.Id], page.Items.Select(key => key.Id));
        Assert.Equal(["Initial admin key", "Shop sync"], page.Items.Select(key => key.Name));
    }

    [Fact]
    public async Task A_call_without_a_key_fails_with_the_documented_401()
    {
        using var http = fixture.Gateway.Client();
        var client = new AmbassadorNetClient(http);

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.ListApiKeysAsync(creatorId: null, cursor: null, limit: null));

        Assert.Equal(401, error.StatusCode);
    }
}
