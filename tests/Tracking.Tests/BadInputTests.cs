using System.Net;
using System.Text.Json;

namespace Tracking.Tests;

public sealed class BadInputTests(TrackingService service) : IClassFixture<TrackingService>
{
    [Theory]
    [InlineData("/api/links")]
    [InlineData("/api/promo-codes")]
    public async Task A_create_without_an_enrollment_is_a_400_naming_the_field_and_creates_nothing(string path)
    {
        var brand = Guid.CreateVersion7();

        var response = await service.SendAsync(HttpMethod.Post, path, brand, new { });
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var listed = await service.ReadAsync(HttpMethod.Get, path, brand);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("enrollmentId", out _), problem.ToString());
        Assert.Equal(0, listed.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/links?limit=0")]
    [InlineData("/api/promo-codes?limit=1000")]
    public async Task A_list_with_a_bad_limit_is_a_400(string path)
    {
        var response = await service.SendAsync(HttpMethod.Get, path, Guid.CreateVersion7());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_malformed_body_is_a_400_problem()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/links") { Content = new StringContent("{\"enrollmentId\": ", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", service.Tokens.Mint(TrackingService.Audience, Guid.CreateVersion7(), ["admin"]));

        var response = await service.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
