using System.Net;
using AmbassadorNet.Gateway.Routing;
using Gateway.Tests.Support;

namespace Gateway.Tests;

public sealed class ApiPageTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Swagger_ui_is_served_at_docs_and_lists_every_services_document()
    {
        using var visitor = fixture.Gateway.Client();

        var page = await visitor.GetAsync("/docs/index.html");
        var configuration = await ReadUiConfigurationAsync(visitor, await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.All(GatewayServices.Proxied, service => Assert.Contains(GatewayServices.OpenApiPath(service), configuration));
    }

    [Fact]
    public async Task Each_services_document_is_proxied_without_a_key_and_points_try_it_out_at_the_gateway()
    {
        using var visitor = fixture.Gateway.Client();

        foreach (var service in GatewayServices.Proxied)
        {
            var document = await (await visitor.GetAsync(GatewayServices.OpenApiPath(service))).JsonAsync();

            Assert.Equal($"AmbassadorNet {service}", document.GetProperty("info").GetProperty("title").GetString());
            Assert.Equal(fixture.Gateway.BaseAddress.ToString().TrimEnd('/'), document.GetProperty("servers")[0].GetProperty("url").GetString());
        }
    }

    [Fact]
    public async Task The_whole_api_and_the_gateways_own_document_are_served_without_a_key_and_listed_on_the_page()
    {
        using var visitor = fixture.Gateway.Client();

        var whole = await (await visitor.GetAsync(GatewayServices.OpenApiPath(GatewayServices.WholeApi))).JsonAsync();
        var own = await (await visitor.GetAsync(GatewayServices.OpenApiPath(GatewayServices.GatewayItself))).JsonAsync();
        var configuration = await ReadUiConfigurationAsync(visitor, await visitor.GetStringAsync("/docs/index.html"));

        Assert.Equal("AmbassadorNet", whole.GetProperty("info").GetProperty("title").GetString());
        Assert.True(whole.GetProperty("paths").TryGetProperty("/api/creators/{id}", out _));
        Assert.True(whole.GetProperty("paths").TryGetProperty("/ops/payouts/messaging/parked", out _));
        Assert.True(own.GetProperty("paths").TryGetProperty("/api/api-keys", out _));
        Assert.Equal("bearer", own.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString());
        Assert.Contains(GatewayServices.OpenApiPath(GatewayServices.WholeApi), configuration);
        Assert.Contains(GatewayServices.OpenApiPath(GatewayServices.GatewayItself), configuration);
    }

    [Fact]
    public async Task The_page_lists_the_grpc_services_and_their_proto_files_are_served_without_a_key()
    {
        using var visitor = fixture.Gateway.Client();

        var page = await visitor.GetStringAsync("/docs/index.html");
        var events = await visitor.GetAsync("/proto/ambassadornet/partner/v1/events.proto");
        var orders = await visitor.GetStringAsync("/proto/ambassadornet/partner/v1/orders.proto");
        var missing = await visitor.GetAsync("/proto/ambassadornet/partner/v1/secrets.proto");

        Assert.Contains("ambassadornet.partner.v1.EventStream", page);
        Assert.Contains("ambassadornet.partner.v1.OrderStream", page);
        Assert.Contains("/proto/ambassadornet/partner/v1/events.proto", page);
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Contains("service EventStream", await events.Content.ReadAsStringAsync());
        Assert.Contains("package ambassadornet.partner.v1;", orders);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>Swashbuckle writes the document list into the page or into the script the page loads.</summary>
    private static async Task<string> ReadUiConfigurationAsync(HttpClient client, string page) =>
        page.Contains("/openapi/", StringComparison.Ordinal) ? page : await client.GetStringAsync("/docs/index.js");
}
