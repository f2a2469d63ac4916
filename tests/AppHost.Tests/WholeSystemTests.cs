using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AppHost.Tests;

public sealed class WholeSystemTests(WholeSystemFixture fixture) : IClassFixture<WholeSystemFixture>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

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

    [Fact]
    public void Each_service_log_line_is_kept_under_its_service_name()
    {
        foreach (var service in fixture.Running.Services)
        {
            Assert.Contains(fixture.Logs.LinesOf(service.Name), line => line.Contains("Now listening on", StringComparison.Ordinal));
        }
    }
}
