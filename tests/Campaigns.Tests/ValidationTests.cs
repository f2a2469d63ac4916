using System.Net;

namespace Campaigns.Tests;

public sealed class ValidationTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    [Fact]
    public async Task A_campaign_with_bad_fields_is_a_400_listing_each_and_nothing_is_created()
    {
        var brand = Guid.CreateVersion7();

        var response = await service.SendAsync(HttpMethod.Post, "/api/campaigns", brand, new
        {
            name = "",
            objective = "fame",
            currency = "usd",
            alwaysOn = false,
            startsAt = DateTimeOffset.UtcNow.AddDays(10),
            endsAt = DateTimeOffset.UtcNow.AddDays(1),
            budget = -5m,
            destinationUrl = "http://shop.example.com/",
            allowedDomains = new[] { "example.com" },
            attributionWindowDays = 0,
            holdingPeriodDays = -1,
            commissionPlan = new { kind = "percent", percent = 120m },
            promoDiscount = new { percent = 10m, amount = 5m },
            deliverableFee = -1m,
        });
        var list = await service.ReadAsync(HttpMethod.Get, "/api/campaigns", brand);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["attributionWindowDays", "budget", "commissionPlan.percent", "currency", "deliverableFee", "destinationUrl", "endsAt",
             "holdingPeriodDays", "name", "objective", "promoDiscount"],
            await response.ErrorFieldsAsync());
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    /// <summary>
    /// Security finding 2 (docs/reliability.md): unbounded, a budget of 1e16 overflows numeric(19,4) (a
    /// 500) and a fee of 9e16 launches a campaign whose CampaignLaunched payouts cannot store. Every
    /// money field is bounded at 10^10.
    /// </summary>
    [Fact]
    public async Task Money_fields_beyond_ten_billion_are_a_400_naming_each_and_nothing_is_created()
    {
        var brand = Guid.CreateVersion7();

        var response = await service.SendAsync(HttpMethod.Post, "/api/campaigns", brand, new
        {
            name = "Huge",
            currency = "USD",
            budget = 1e16m,
            deliverableFee = 9e16m,
            commissionPlan = new { kind = "flat", flatAmount = 10_000_000_000.01m },
            promoDiscount = new { amount = 1e12m },
        });
        var tiered = await service.SendAsync(HttpMethod.Post, "/api/campaigns", brand, new
        {
            name = "Huge tiers",
            currency = "USD",
            commissionPlan = new { kind = "tiered", tiers = new object[] { new { fromRank = 1, amount = 2e10m } } },
        });
        var list = await service.ReadAsync(HttpMethod.Get, "/api/campaigns", brand);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["budget", "commissionPlan.flatAmount", "deliverableFee", "promoDiscount.amount"], await response.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, tiered.StatusCode);
        Assert.Equal(["commissionPlan.tiers[0].amount"], await tiered.ErrorFieldsAsync());
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Money_fields_of_exactly_ten_billion_are_accepted()
    {
        var response = await service.SendAsync(HttpMethod.Post, "/api/campaigns", Guid.CreateVersion7(), new
        {
            name = "At the bound",
            currency = "USD",
            budget = 10_000_000_000m,
            deliverableFee = 10_000_000_000m,
            commissionPlan = new { kind = "flat", flatAmount = 10_000_000_000m },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example.org/landing", "example.com")]   // host outside the allowed domains
    [InlineData("https://notexample.com/", "example.com")]            // a suffix is not a subdomain
    [InlineData("http://localhost:5000/", "localhost")]               // http only in development
    [InlineData("ftp://shop.example.com/", "example.com")]
    public async Task The_destination_must_be_https_inside_the_allowed_domains(string url, string domain)
    {
        var response = await service.SendAsync(HttpMethod.Post, "/api/campaigns", Guid.CreateVersion7(),
            new { name = "Links", destinationUrl = url, allowedDomains = new[] { domain } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["destinationUrl"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_subdomain_of_an_allowed_domain_is_accepted()
    {
        var response = await service.SendAsync(HttpMethod.Post, "/api/campaigns", Guid.CreateVersion7(),
            new { name = "Links", destinationUrl = "https://eu.shop.example.com/x?y=1", allowedDomains = new[] { "example.com" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Tiers_must_start_at_rank_one_increase_and_give_one_rate_each_in_the_currency_minor_unit()
    {
        var response = await service.SendAsync(HttpMethod.Post, "/api/campaigns", Guid.CreateVersion7(), new
        {
            name = "Tiers",
            currency = "JPY",
            commissionPlan = new
            {
                kind = "tiered",
                tiers = new object[]
                {
                    new { fromRank = 2, percent = 5m },
                    new { fromRank = 2, percent = 8m, amount = 100m },
                    new { fromRank = 10, amount = 0.5m },
                },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["commissionPlan.tiers[0].fromRank", "commissionPlan.tiers[1]", "commissionPlan.tiers[1].fromRank", "commissionPlan.tiers[2].amount"],
            await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_patch_is_validated_as_a_whole_with_the_fields_it_keeps()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.DraftAsync(brand);

        var outside = await service.SendAsync(HttpMethod.Patch, $"/api/campaigns/{id}", brand, new { allowedDomains = new[] { "other.org" } });
        var campaign = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{id}", brand);

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(["destinationUrl"], await outside.ErrorFieldsAsync());
        Assert.Equal("example.com", campaign.GetProperty("terms").GetProperty("allowedDomains")[0].GetString());
    }
}
