using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.SystemTestKit;
using AmbassadorNet.TestKit;
using AmbassadorNet.TestKit.Waiting;

namespace AppHost.Tests;

public sealed class WholeSystemTests(WholeSystemFixture fixture) : IClassFixture<WholeSystemFixture>
{
    // A just-started system on a busy 2-core machine can take more than 10 s over its first requests.
    private static readonly HttpClient Http = new() { Timeout = TestTimeouts.Scaled(TimeSpan.FromSeconds(30)) };

    [Fact]
    public async Task Every_declared_service_runs_and_answers_its_health_endpoints()
    {
        Assert.Equal(
            fixture.System.Declaration.Services.Select(s => s.Name).Order(),
            fixture.Running.Services.Select(s => s.Name).Order());
        Assert.Contains(fixture.Running.Services, s => s.Name == "gateway");
        Assert.Contains(fixture.Running.Services, s => s.Name == "creators");

        foreach (var service in fixture.Running.Services)
        {
            using var live = await Http.GetAsync(new Uri(service.Url, "/health/live"));
            using var ready = await Http.GetAsync(new Uri(service.Url, "/health/ready"));
            Assert.True(live.StatusCode == HttpStatusCode.OK, $"{service.Name} /health/live answered {(int)live.StatusCode}");
            Assert.True(ready.StatusCode == HttpStatusCode.OK, $"{service.Name} /health/ready answered {(int)ready.StatusCode}: {await ready.Content.ReadAsStringAsync()}");
            Assert.Equal("Healthy", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }
    }

    /// <summary>The run's keys are wired end to end: the operator key, the gateway's private key, each service's public key.</summary>
    [Fact]
    public async Task The_operator_key_creates_a_brand_whose_admin_key_reaches_creators_through_the_gateway()
    {
        var gateway = fixture.System.Gateway.Url;
        using var create = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, "/api/brands")) { Content = JsonContent.Create(new { name = "AppHost test brand" }) };
        create.Headers.Authorization = new("Bearer", fixture.System.OperatorKey);
        using var created = await Http.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var adminKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetProperty("key").GetString();

        using var list = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway, "/api/creators"));
        list.Headers.Authorization = new("Bearer", adminKey);
        using var listed = await Http.SendAsync(list);
        Assert.True(listed.StatusCode == HttpStatusCode.OK, $"GET /api/creators through the gateway answered {(int)listed.StatusCode}: {await listed.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// The thin slice across every process: creators publishes the approval, campaigns learns it from
    /// the broker and enrolls, tracking issues the link and promo code from the enrollment, and the
    /// public redirect answers through the gateway without a key.
    /// </summary>
    [Fact]
    public async Task A_brand_takes_a_creator_from_application_to_a_working_tracking_link_through_the_gateway()
    {
        var gateway = fixture.System.Gateway.Url;
        var client = await GatewayClient.ForNewBrandAsync(Http, gateway, fixture.System.OperatorKey, "Journey brand");

        var creator = await client.SendAsync(HttpMethod.Post, "/api/creators", new
        {
            displayName = "Jane Doe", email = "jane@example.com", country = "US", niches = new[] { "vegan" },
            socialAccounts = new[] { new { platform = "instagram", handle = "janedoe", followers = 25_000, averageLikes = 900, averageComments = 60 } },
        });
        var creatorId = creator.GetProperty("id").GetGuid();
        await client.SendAsync(HttpMethod.Post, $"/api/creators/{creatorId}/approve");
        var campaign = await client.SendAsync(HttpMethod.Post, "/api/campaigns", new
        {
            name = "Spring box", objective = "sales", currency = "USD", budget = 10_000, destinationUrl = "https://shop.example.com/box?ref=spring",
            allowedDomains = new[] { "example.com" }, commissionPlan = new { kind = "percent", percent = 10 }, promoDiscount = new { percent = 15 },
        });
        var campaignId = campaign.GetProperty("id").GetGuid();
        await client.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/launch");
        var enrollment = await client.EventuallyAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments", new { creatorId }, "campaigns to learn of the approval");
        await client.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/enrollments/{enrollment.GetProperty("id").GetGuid()}/accept");

        var links = await Eventually.UntilAsync(_ => client.SendAsync(HttpMethod.Get, "/api/links"), l => l.GetProperty("items").GetArrayLength() == 1, "tracking to issue the link");
        var promo = await Eventually.UntilAsync(_ => client.SendAsync(HttpMethod.Get, "/api/promo-codes"), p => p.GetProperty("items").GetArrayLength() == 1, "tracking to issue the promo code");
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var redirect = await noRedirects.GetAsync(new Uri(gateway, $"/r/{links.GetProperty("items")[0].GetProperty("code").GetString()}"));
        var location = redirect.Headers.Location!.ToString();

        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.StartsWith("https://shop.example.com/box?ref=spring&", location);
        Assert.Contains("utm_content=janedoe", location);
        Assert.Contains("amb_cid=", location);
        Assert.Equal("JANEDOE", promo.GetProperty("items")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void Each_service_log_line_is_kept_under_its_service_name()
    {
        foreach (var service in fixture.Running.Services)
        {
            Assert.Contains(fixture.Logs.LinesOf(service.Name), line => line.Contains("Now listening on", StringComparison.Ordinal));
        }
    }
}
