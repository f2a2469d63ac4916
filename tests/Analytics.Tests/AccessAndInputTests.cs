using System.Net;
using System.Text.Json;
using AmbassadorNet.Security;

namespace Analytics.Tests;

/// <summary>Brand isolation, the role table's row for analytics, and 400/404 problems.</summary>
public sealed class AccessAndInputTests(ScenarioFixture fixture) : IClassFixture<ScenarioFixture>
{
    private Scenario S => fixture.Scenario;

    private AnalyticsService Service => fixture.Service;

    [Fact]
    public async Task Another_brand_sees_none_of_the_figures()
    {
        var other = Guid.CreateVersion7();

        Assert.Equal(HttpStatusCode.NotFound, (await Service.GetAsync(S.Summary, other)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Service.GetAsync($"/api/analytics/campaigns/{S.Campaign}/creators", other)).StatusCode);
        Assert.Equal(0, (await Service.ReadAsync("/api/analytics/leaderboard?minClicks=0", other)).GetProperty("total").GetInt32());
        var tiers = (await Service.ReadAsync("/api/analytics/tiers", other)).GetProperty("items").EnumerateArray().ToList();
        Assert.All(tiers, t => Assert.Equal(0, t.GetProperty("creators").GetInt64()));
    }

    [Theory]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    [InlineData(Roles.Manager, HttpStatusCode.OK)]
    [InlineData(Roles.Finance, HttpStatusCode.OK)]
    [InlineData(Roles.Analyst, HttpStatusCode.OK)]
    [InlineData(Roles.Partner, HttpStatusCode.Forbidden)]
    public async Task Analytics_is_read_by_the_roles_of_the_design(string role, HttpStatusCode expected)
    {
        Assert.Equal(expected, (await Service.GetAsync(S.Summary, S.Brand, role)).StatusCode);
        Assert.Equal(expected, (await Service.GetAsync("/api/analytics/export.csv?view=tiers", S.Brand, role)).StatusCode);
    }

    [Fact]
    public async Task Without_credentials_the_answer_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Service.Http.GetAsync(S.Summary, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_campaign_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Service.GetAsync($"/api/analytics/campaigns/{Guid.CreateVersion7()}/timeseries", S.Brand)).StatusCode);
    }

    [Theory]
    [InlineData("campaigns/{c}/summary?from=2026-13-01", "from")]
    [InlineData("campaigns/{c}/summary?from=2026-03-11&to=2026-03-10", "to")]
    [InlineData("campaigns/{c}/creators?sort=luck", "sort")]
    [InlineData("campaigns/{c}/creators?limit=0", "limit")]
    [InlineData("campaigns/{c}/creators?offset=-1", "offset")]
    [InlineData("campaigns/{c}/timeseries?from=2000-01-01&to=2026-01-01", "to")]
    [InlineData("campaigns/{c}/creators?limit=many", "limit")]
    [InlineData("leaderboard?minClicks=-1", "minClicks")]
    [InlineData("leaderboard?minClicks=ten", "minClicks")]
    [InlineData("export.csv?view=leaderboard&offset=1.5", "offset")]
    [InlineData("leaderboard?currency=US", "currency")]
    [InlineData("tiers?to=yesterday", "to")]
    [InlineData("export.csv", "view")]
    [InlineData("export.csv?view=pie", "view")]
    [InlineData("export.csv?view=creators", "campaignId")]
    [InlineData("export.csv?view=summary&campaignId=42", "campaignId")]
    [InlineData("export.csv?view=content_vs_paid", "campaignId")]
    [InlineData("export.csv?view=paid_ads&channel=Meta", "channel")]
    [InlineData("paid-ads?campaignId=42", "campaignId")]
    [InlineData("paid-ads?from=2026-03-11&to=2026-03-10", "to")]
    [InlineData("campaigns/{c}/content-vs-paid?from=March", "from")]
    public async Task Bad_parameters_are_400_with_the_field_named(string path, string field)
    {
        var response = await Service.GetAsync($"/api/analytics/{path.Replace("{c}", S.Campaign.ToString(), StringComparison.Ordinal)}", S.Brand);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }
}
