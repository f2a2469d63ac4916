using System.Net;
using System.Text.Json;

namespace Creators.Tests;

public sealed class ValidationTests(CreatorsService service) : IClassFixture<CreatorsService>
{
    [Fact]
    public async Task An_application_with_bad_fields_is_a_400_listing_each_and_nothing_is_created()
    {
        var brand = Guid.CreateVersion7();

        var response = await service.SendAsync(HttpMethod.Post, "/api/creators", brand, new
        {
            displayName = "",
            email = "not-an-email",
            country = "USA",
            niches = new[] { new string('x', 60) },
            socialAccounts = new[] { new { platform = "myspace", handle = "has space", followers = -1, averageLikes = 1, averageComments = 1 } },
        });
        var errors = await ErrorsAsync(response);
        var list = await service.ReadAsync(HttpMethod.Get, "/api/creators", brand);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["country", "displayName", "email", "niches", "socialAccounts[0].followers", "socialAccounts[0].handle", "socialAccounts[0].platform"],
            errors.Order());
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("GB82 WEST 1234 5698 7654 32")]  // an IBAN with spaces
    [InlineData("DE89370400440532013000")]        // an IBAN
    [InlineData("4111 1111 1111 1111")]           // a card number
    [InlineData("payee-4111-1111-1111-1111")]     // a card number inside a reference
    public async Task A_payee_reference_that_looks_like_a_bank_or_card_number_is_refused(string reference)
    {
        var brand = Guid.CreateVersion7();
        var id = await service.ApplyAsync(brand, Applicants.Creator(20));

        var response = await service.SendAsync(HttpMethod.Put, $"/api/creators/{id}/payout-profile", brand,
            new { method = "bank_transfer", currency = "EUR", payeeReference = reference, taxFormStatus = "submitted" });
        var creator = await service.ReadAsync(HttpMethod.Get, $"/api/creators/{id}", brand);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("payeeReference", await ErrorsAsync(response));
        Assert.Equal(JsonValueKind.Null, creator.GetProperty("payoutProfile").ValueKind);
    }

    [Fact]
    public async Task A_payout_profile_with_a_provider_reference_is_kept_and_needs_the_finance_or_admin_role()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.ApplyAsync(brand, Applicants.Creator(21));
        var profile = new { method = "wise", currency = "EUR", payeeReference = "wise-payee-8f3a2c", taxFormStatus = "verified" };

        var asManager = await service.SendAsync(HttpMethod.Put, $"/api/creators/{id}/payout-profile", brand, profile, "manager");
        var asFinance = await service.SendAsync(HttpMethod.Put, $"/api/creators/{id}/payout-profile", brand, profile, "finance");
        var badCurrency = await service.SendAsync(HttpMethod.Put, $"/api/creators/{id}/payout-profile", brand, profile with { currency = "EURO" });
        var creator = await service.ReadAsync(HttpMethod.Get, $"/api/creators/{id}", brand);

        Assert.Equal(HttpStatusCode.Forbidden, asManager.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asFinance.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCurrency.StatusCode);
        Assert.Equal("wise-payee-8f3a2c", creator.GetProperty("payoutProfile").GetProperty("payeeReference").GetString());
        Assert.True(creator.GetProperty("payoutProfile").GetProperty("isComplete").GetBoolean());
    }

    [Fact]
    public async Task A_handle_belongs_to_one_creator_per_platform_and_brand()
    {
        var brand = Guid.CreateVersion7();
        var first = await service.ApplyAsync(brand, Applicants.Creator(22, platform: "tiktok"));
        var second = await service.ApplyAsync(brand, new { displayName = "Copycat", email = "copycat@example.com", country = "US" });

        var sameHandle = await service.SendAsync(HttpMethod.Post, $"/api/creators/{second}/social-stats", brand, Applicants.Stats("tiktok", "@CREATOR_22", 10));
        var otherPlatform = await service.SendAsync(HttpMethod.Post, $"/api/creators/{second}/social-stats", brand, Applicants.Stats("youtube", "creator_22", 10));

        Assert.Equal(HttpStatusCode.Conflict, sameHandle.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherPlatform.StatusCode);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_malformed_body_is_a_400_problem()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/creators")
        {
            Content = new StringContent("{\"displayName\": ", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", service.Tokens.Mint(CreatorsService.Audience, Guid.CreateVersion7(), ["admin"]));

        var response = await service.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<List<string>> ErrorsAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
}
