using System.Net;
using System.Text.Json;

namespace Tracking.Tests;

/// <summary>GET /api/clicks refuses a malformed query with one 400 naming every bad parameter, and reads only for the roles of its row.</summary>
public sealed class ClickListBadInputTests(TrackingService service) : IClassFixture<TrackingService>
{
    [Theory]
    [InlineData("batchId=not-a-uuid", "batchId")]
    [InlineData("limit=0", "limit")]
    [InlineData("clickedFrom=2026-03-02T00:00:00Z&clickedTo=2026-03-01T00:00:00Z", "clickedTo")]
    [InlineData("batchId=not-a-uuid&limit=0&clickedFrom=2026-03-02T00:00:00Z&clickedTo=2026-03-01T00:00:00Z", "batchId,clickedTo,limit")]
    public async Task A_malformed_parameter_is_a_400_problem_naming_each(string query, string fields)
    {
        using var response = await service.GetAsync($"/api/clicks?{query}", Guid.CreateVersion7());
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Equal(fields.Split(','), problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task An_empty_range_and_the_largest_page_are_valid()
    {
        using var response = await service.GetAsync("/api/clicks?clickedFrom=2026-03-01T00:00:00Z&clickedTo=2026-03-01T00:00:00Z&limit=200", Guid.CreateVersion7());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Roles_follow_the_table_and_no_token_is_a_401()
    {
        var brand = Guid.CreateVersion7();

        using var events = await service.GetAsync("/api/clicks", brand, "events");
        using var analyst = await service.GetAsync("/api/clicks", brand, "analyst");
        using var partner = await service.GetAsync("/api/clicks", brand, "partner");
        using var anonymous = await service.Http.GetAsync("/api/clicks");

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized),
            (events.StatusCode, analyst.StatusCode, partner.StatusCode, anonymous.StatusCode));
    }
}
