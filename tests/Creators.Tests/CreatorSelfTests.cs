using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AmbassadorNet.Security;

namespace Creators.Tests;

/// <summary>A creator's own record and payout profile (<c>/api/me/profile</c>, <c>/api/me/payout-profile</c>), and the routes each side may not use.</summary>
public sealed class CreatorSelfTests(CreatorsService service) : IClassFixture<CreatorsService>
{
    [Fact]
    public async Task A_creator_reads_their_record_as_the_brand_does_with_the_payee_reference_masked_but_for_its_last_four()
    {
        var brand = Guid.CreateVersion7();
        var ana = await service.ApplyAsync(brand, Applicants.Creator(1));
        await service.ApplyAsync(brand, Applicants.Creator(2));
        await service.ReadAsync(HttpMethod.Put, $"/api/creators/{ana}/payout-profile", brand, new { method = "paypal", currency = "USD", payeeReference = "pp-ref-001234" });

        var own = JsonNode.Parse((await service.ReadAsCreatorAsync(HttpMethod.Get, "/api/me/profile", brand, ana)).GetRawText())!;
        var brands = JsonNode.Parse((await service.ReadAsync(HttpMethod.Get, $"/api/creators/{ana}", brand)).GetRawText())!;
        var profile = await service.ReadAsCreatorAsync(HttpMethod.Get, "/api/me/payout-profile", brand, ana);

        Assert.Equal("****1234", own["payoutProfile"]!["payeeReference"]!.GetValue<string>());
        brands["payoutProfile"]!["payeeReference"] = "****1234";
        Assert.True(JsonNode.DeepEquals(brands, own), $"{own}\n{brands}");
        Assert.Equal(("paypal", "USD", "****1234", "missing"), (profile.Str("method"), profile.Str("currency"), profile.Str("payeeReference"), profile.Str("taxFormStatus")));
    }

    [Fact]
    public async Task Before_a_payout_profile_exists_the_creators_is_a_404_and_an_unknown_creator_is_a_404()
    {
        var brand = Guid.CreateVersion7();
        var ana = await service.ApplyAsync(brand, Applicants.Creator(3));

        using var none = await service.SendAsCreatorAsync(HttpMethod.Get, "/api/me/payout-profile", brand, ana);
        using var unknown = await service.SendAsCreatorAsync(HttpMethod.Get, "/api/me/profile", brand, Guid.CreateVersion7());
        using var otherBrand = await service.SendAsCreatorAsync(HttpMethod.Get, "/api/me/profile", Guid.CreateVersion7(), ana);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (none.StatusCode, unknown.StatusCode, otherBrand.StatusCode));
        Assert.Contains("propose one", (await none.Content.ReadFromJsonAsync<JsonElement>()).Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_creator_reads_only_their_own_record()
    {
        var brand = Guid.CreateVersion7();
        var (ana, ben) = (await service.ApplyAsync(brand, Applicants.Creator(4)), await service.ApplyAsync(brand, Applicants.Creator(5)));

        var bens = await service.ReadAsCreatorAsync(HttpMethod.Get, "/api/me/profile", brand, ben);

        Assert.Equal(ben, bens.GetProperty("id").GetGuid());
        Assert.DoesNotContain(ana.ToString(), bens.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("GET", "/api/me/profile")]
    [InlineData("GET", "/api/me/payout-profile")]
    [InlineData("GET", "/api/me/payout-profile/proposals")]
    [InlineData("POST", "/api/me/payout-profile/proposals")]
    public async Task A_brand_key_is_refused_on_a_creators_own_routes(string method, string path)
    {
        var body = new { method = "paypal", currency = "USD", payeeReference = "pp-ref-001" };

        using var admin = await service.SendAsync(new HttpMethod(method), path, Guid.CreateVersion7(), method == "POST" ? body : null, Roles.Admin);
        using var finance = await service.SendAsync(new HttpMethod(method), path, Guid.CreateVersion7(), method == "POST" ? body : null, Roles.Finance);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (admin.StatusCode, finance.StatusCode));
    }

    [Theory]
    [InlineData("GET", "/api/creators/{0}")]
    [InlineData("GET", "/api/creators")]
    [InlineData("PUT", "/api/creators/{0}/payout-profile")]
    [InlineData("GET", "/api/creators/{0}/payout-profile/proposals")]
    [InlineData("POST", "/api/creators/{0}/payout-profile/proposals/{1}/confirm")]
    [InlineData("POST", "/api/creators/{0}/payout-profile/proposals/{1}/reject")]
    public async Task A_creator_credential_is_refused_on_the_brands_staff_routes_and_changes_nothing(string method, string template)
    {
        var brand = Guid.CreateVersion7();
        var ana = await service.ApplyAsync(brand, Applicants.Creator(6));
        var proposal = (await service.ReadAsCreatorAsync(HttpMethod.Post, "/api/me/payout-profile/proposals", brand, ana, Proposals.Wise)).GetProperty("id").GetGuid();

        using var response = await service.SendAsCreatorAsync(
            new HttpMethod(method), string.Format(template, ana, proposal), brand, ana, method == "GET" ? null : Proposals.Wise);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("pending", (await Proposals.OfAsync(service, brand, ana)).Single().Str("status"));
        Assert.Equal(JsonValueKind.Null, (await service.ReadAsync(HttpMethod.Get, $"/api/creators/{ana}", brand)).GetProperty("payoutProfile").ValueKind);
    }
}
