using System.Net;
using System.Text;
using System.Text.Json;

namespace Tracking.Tests;

/// <summary>Every malformed field is a 400 naming it, and nothing is stored.</summary>
public sealed class ConversionBadInputTests(TrackingService service) : IClassFixture<TrackingService>
{
    private const string Valid = """{"orderId":"A-1","amount":10.5,"currency":"USD","orderedAt":"2026-01-01T00:00:00Z"}""";

    [Theory]
    [InlineData("orderId", "\"\"")]
    [InlineData("orderId", "\"has space\"")]
    [InlineData("orderId", "\"a/b\"")]
    [InlineData("orderId", "12")]
    [InlineData("orderId", "null")]
    [InlineData("amount", "0")]
    [InlineData("amount", "-5")]
    [InlineData("amount", "10.555")]
    [InlineData("amount", "\"ten\"")]
    [InlineData("amount", "10000000000.01")]
    [InlineData("amount", "null")]
    [InlineData("currency", "\"usd\"")]
    [InlineData("currency", "\"XXX\"")]
    [InlineData("currency", "null")]
    [InlineData("orderedAt", "\"2026-01-01 10:00\"")]
    [InlineData("orderedAt", "\"2026-01-01T10:00:00\"")]
    [InlineData("orderedAt", "\"2099-01-01T00:00:00Z\"")]
    [InlineData("orderedAt", "\"2001-01-01T00:00:00Z\"")]
    [InlineData("orderedAt", "1700000000")]
    [InlineData("clickId", "\"not-a-uuid\"")]
    [InlineData("clickId", "42")]
    [InlineData("promoCode", "\"\"")]
    [InlineData("promoCode", "7")]
    [InlineData("customerId", "\"\"")]
    public async Task A_malformed_order_field_is_a_400_naming_it_and_stores_nothing(string field, string json)
    {
        var brand = Guid.CreateVersion7();
        var body = WithField(Valid.Replace("2026-01-01T00:00:00Z", DateTimeOffset.UtcNow.ToString("O")), field, json);

        using var response = await PostRawAsync(brand, "/api/conversions", body);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0L, await service.CountAsync("conversions", brand));
    }

    [Fact]
    public async Task The_valid_template_of_the_theory_is_accepted()
    {
        var brand = Guid.CreateVersion7();

        using var response = await PostRawAsync(brand, "/api/conversions", Valid.Replace("2026-01-01T00:00:00Z", DateTimeOffset.UtcNow.ToString("O")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("refundId", "\"\"")]
    [InlineData("refundId", "null")]
    [InlineData("amount", "0")]
    [InlineData("amount", "1.001")]
    [InlineData("currency", "\"eur\"")]
    [InlineData("refundedAt", "\"yesterday\"")]
    public async Task A_malformed_refund_field_is_a_400_naming_it_and_refunds_nothing(string field, string json)
    {
        var brand = Guid.CreateVersion7();
        await service.ConvertAsync(brand, Shop.Order("O-1", 10m));

        using var response = await PostRawAsync(brand, "/api/conversions/O-1/refunds", WithField("""{"refundId":"r1","amount":1,"currency":"USD"}""", field, json));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0L, await service.CountAsync("conversion_refunds", brand));
    }

    [Theory]
    [InlineData("status=refunded", "status")]
    [InlineData("campaignId=nope", "campaignId")]
    [InlineData("creatorId=1", "creatorId")]
    [InlineData("enrollmentId=x", "enrollmentId")]
    [InlineData("flagged=yes", "flagged")]
    [InlineData("orderedFrom=2026-13-01", "orderedFrom")]
    [InlineData("orderedFrom=2026-03-02T00:00:00Z&orderedTo=2026-03-01T00:00:00Z", "orderedTo")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=garbage", "cursor")]
    public async Task A_malformed_list_parameter_is_a_400_naming_it(string query, string field)
    {
        using var response = await service.SendAsync(HttpMethod.Get, $"/api/conversions?{query}", Guid.CreateVersion7());
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_or_not_an_object_is_a_400_problem()
    {
        using var broken = await PostRawAsync(Guid.CreateVersion7(), "/api/conversions", "{\"orderId\": ");
        using var array = await PostRawAsync(Guid.CreateVersion7(), "/api/conversions", "[]");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (broken.StatusCode, array.StatusCode));
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Roles_follow_the_table_and_no_token_is_a_401()
    {
        var brand = Guid.CreateVersion7();
        var order = Shop.Order("role-1");

        using var analyst = await service.PostOrderAsync(brand, order, "analyst");
        using var partnerReads = await service.SendAsync(HttpMethod.Get, "/api/conversions", brand, null, "partner");
        using var analystReads = await service.SendAsync(HttpMethod.Get, "/api/conversions", brand, null, "analyst");
        using var anonymous = await service.Http.PostAsync("/api/conversions", new StringContent(Valid, Encoding.UTF8, "application/json"));
        using var admin = await service.PostOrderAsync(brand, order, "admin");

        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, partnerReads.StatusCode);
        Assert.Equal(HttpStatusCode.OK, analystReads.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Created, admin.StatusCode);
    }

    private Task<HttpResponseMessage> PostRawAsync(Guid brand, string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", service.Tokens.Mint(TrackingService.Audience, brand, ["partner"]));
        return service.Http.SendAsync(request);
    }

    private static string WithField(string json, string field, string value)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node[field] = System.Text.Json.Nodes.JsonNode.Parse(value);
        return node.ToJsonString();
    }
}
