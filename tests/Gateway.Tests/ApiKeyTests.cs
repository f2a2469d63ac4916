using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using AmbassadorNet.Gateway.Api;
using AmbassadorNet.Security;
using Gateway.Tests.Support;
using Npgsql;

namespace Gateway.Tests;

public sealed class ApiKeyTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task The_operator_creates_a_brand_whose_first_admin_key_works_at_once()
    {
        var created = await fixture.CreateBrandAsync("  Northwind Outdoor  ");
        using var admin = fixture.Gateway.Client(created.ApiKey.Key);

        var list = await admin.GetFromJsonAsync<ApiKeyPage>("/api/api-keys");

        Assert.Equal("Northwind Outdoor", created.Brand.Name);
        Assert.StartsWith("amb_live_", created.ApiKey.Key);
        Assert.Equal([Roles.Admin], created.ApiKey.Roles);
        var only = Assert.Single(list!.Items);
        Assert.Equal(created.ApiKey.Id, only.Id);
        Assert.Equal(created.ApiKey.Key[..15], only.Prefix);
    }

    [Fact]
    public async Task Keys_are_stored_as_their_sha256_and_never_shown_again()
    {
        var issued = await fixture.CreateKeyAsync(fixture.AdminKey, "Shop sync", [Roles.Partner, Roles.Analyst]);
        using var admin = fixture.Gateway.Client(fixture.AdminKey);

        var listing = await admin.GetStringAsync("/api/api-keys?limit=200");
        var (hash, roles) = await ReadRowAsync(issued.Id);

        Assert.Equal([Roles.Partner, Roles.Analyst], issued.Roles);
        Assert.DoesNotContain(issued.Key, listing);
        Assert.Contains(issued.Key[..15], listing);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(issued.Key))), hash);
        Assert.Equal("partner,analyst", roles);
        Assert.Equal(0, await CountRowsMentioningAsync(issued.Key[15..]));
    }

    [Theory]
    [InlineData("{\"name\":\"\",\"roles\":[\"admin\"]}", "name")]
    [InlineData("{\"name\":\"x\",\"roles\":[]}", "roles")]
    [InlineData("{\"name\":\"x\",\"roles\":[\"operator\"]}", "roles")]
    [InlineData("{\"name\":\"x\",\"roles\":[\"superuser\"]}", "roles")]
    [InlineData("{\"name\":\"x\",\"roles\":[\"creator\"]}", "creatorId")]
    [InlineData("{\"name\":\"x\",\"roles\":[\"creator\"],\"creatorId\":\"00000000-0000-0000-0000-000000000000\"}", "creatorId")]
    [InlineData("{\"name\":\"x\",\"roles\":[\"creator\",\"manager\"],\"creatorId\":\"0197a3c0-2222-7000-8000-000000000042\"}", "roles")]
    [InlineData("{\"name\":\"x\",\"roles\":[\"manager\"],\"creatorId\":\"0197a3c0-2222-7000-8000-000000000042\"}", "creatorId")]
    public async Task Invalid_key_requests_are_400_problems_naming_the_field(string body, string field)
    {
        using var admin = fixture.Gateway.Client(fixture.AdminKey);

        var response = await admin.PostAsync("/api/api-keys", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors names {field}");
    }

    [Fact]
    public async Task A_brand_without_a_name_is_a_400_problem()
    {
        using var operatorClient = fixture.Gateway.Client(GatewayHost.OperatorKey);

        var response = await operatorClient.PostAsJsonAsync("/api/brands", new CreateBrandRequest(" "));

        var problem = await response.AssertProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_brand_cannot_see_or_revoke_another_brands_keys()
    {
        var other = await fixture.CreateBrandAsync("Other brand");
        using var otherAdmin = fixture.Gateway.Client(other.ApiKey.Key);
        using var ourAdmin = fixture.Gateway.Client(fixture.AdminKey);

        var revoke = await otherAdmin.DeleteAsync($"/api/api-keys/{fixture.KeysByRole[Roles.Finance].Id}");
        var theirList = await otherAdmin.GetFromJsonAsync<ApiKeyPage>("/api/api-keys");
        var stillWorks = await fixture.Gateway.Client(fixture.KeysByRole[Roles.Finance].Key).GetAsync("/api/ledger/trial-balance");

        await revoke.AssertProblemAsync(404);
        Assert.Equal([other.ApiKey.Id], theirList!.Items.Select(k => k.Id));
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ourAdmin.GetAsync("/api/api-keys")).StatusCode);
    }

    [Fact]
    public async Task The_list_is_cursor_paginated()
    {
        var brand = await fixture.CreateBrandAsync("Paged brand");
        var second = await fixture.CreateKeyAsync(brand.ApiKey.Key, "two", [Roles.Analyst]);
        var third = await fixture.CreateKeyAsync(brand.ApiKey.Key, "three", [Roles.Analyst]);
        using var admin = fixture.Gateway.Client(brand.ApiKey.Key);

        var first = await admin.GetFromJsonAsync<ApiKeyPage>("/api/api-keys?limit=2");
        var next = await admin.GetFromJsonAsync<ApiKeyPage>($"/api/api-keys?limit=2&cursor={first!.NextCursor}");
        var badLimit = await admin.GetAsync("/api/api-keys?limit=0");

        Assert.Equal([brand.ApiKey.Id, second.Id], first.Items.Select(k => k.Id));
        Assert.Equal([third.Id], next!.Items.Select(k => k.Id));
        Assert.Null(next.NextCursor);
        await badLimit.AssertProblemAsync(400);
    }

    [Theory]
    [InlineData("Bearer amb_live_short", "malformed")]
    [InlineData("Bearer amb_live_0123456789012345678901234567890123456789", "unknown or has been revoked")]
    [InlineData("Bearer amb_live_01234567890123456789012345678901234567!9", "malformed")]
    [InlineData("Basic YWRtaW46YWRtaW4=", "Authorization: Bearer")]
    [InlineData("Bearer ", "Authorization: Bearer")]
    public async Task Bad_credentials_are_401_problems_that_say_why(string authorization, string reason)
    {
        using var client = fixture.Gateway.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/creators");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.SendAsync(request);

        var problem = await response.AssertProblemAsync(401);
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Two_authorization_headers_are_refused()
    {
        using var client = fixture.Gateway.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/creators");
        request.Headers.TryAddWithoutValidation("Authorization", ["Bearer " + fixture.KeysByRole[Roles.Partner].Key, "Bearer " + fixture.AdminKey]);

        var response = await client.SendAsync(request);

        await response.AssertProblemAsync(401);
    }

    private async Task<(string Hash, string Roles)> ReadRowAsync(Guid id)
    {
        await using var connection = fixture.Database.OpenConnection();
        await using var command = new NpgsqlCommand("SELECT key_hash, roles FROM api_keys WHERE id = $1", connection) { Parameters = { new() { Value = id } } };
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1));
    }

    /// <summary>Rows whose text, in any column, contains the secret part of a key.</summary>
    private async Task<long> CountRowsMentioningAsync(string secret)
    {
        await using var connection = fixture.Database.OpenConnection();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM api_keys k WHERE k::text LIKE '%' || $1 || '%'", connection) { Parameters = { new() { Value = secret } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
