using System.Net;
using AmbassadorNet.Security;

namespace ServiceDefaults.Tests.Http;

public sealed class ProblemDetailsTests(SampleServiceFixture fixture) : IClassFixture<SampleServiceFixture>
{
    private SampleService Service => fixture.Service;

    [Fact]
    public async Task A_malformed_body_is_a_400_problem_and_changes_nothing()
    {
        var brand = Guid.CreateVersion7();

        var response = await Service.Http.SendAsync(Service.Request(HttpMethod.Post, "/api/products", brand).WithRawJson("{\"name\": \"Mug\", \"price\": "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
        Assert.Equal(0, await Service.QueryAsync(brand, db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task Invalid_fields_are_listed_in_the_errors_map()
    {
        var brand = Guid.CreateVersion7();

        var response = await Service.Http.SendAsync(Service.Request(HttpMethod.Post, "/api/products", brand).WithJson(new { name = "", price = -1 }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("price", out _));
        Assert.Equal(0, await Service.QueryAsync(brand, db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task An_unexpected_error_is_a_500_problem_without_internals()
    {
        var response = await Service.Http.SendAsync(Service.Request(HttpMethod.Post, "/api/products", Guid.CreateVersion7())
            .WithJson(new { name = "Lamp", price = 10, failAfterWrite = true }));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Failing after the write", body);
        Assert.DoesNotContain(" at ", body);
        Assert.Contains("traceId", body);
    }

    [Fact]
    public async Task A_missing_resource_is_a_404_problem()
    {
        var missing = await Service.Http.SendAsync(Service.Request(HttpMethod.Get, $"/api/products/{Guid.CreateVersion7()}", Guid.CreateVersion7()));
        var unknownRoute = await Service.Http.SendAsync(Service.Request(HttpMethod.Get, "/api/nothing-here", Guid.CreateVersion7()));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknownRoute.StatusCode);
    }

    [Fact]
    public async Task No_token_is_401_and_the_wrong_role_is_403_both_as_problems()
    {
        var anonymous = await Service.Http.PostAsync("/api/products", null);
        var analyst = await Service.Http.SendAsync(Service.Request(HttpMethod.Post, "/api/products", Guid.CreateVersion7(), Roles.Analyst)
            .WithJson(new { name = "Mug", price = 5 }));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        Assert.Equal("application/problem+json", analyst.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_is_public_and_ready_reports_the_database_and_the_broker()
    {
        var live = await Service.Http.GetAsync("/health/live");
        var ready = await Service.Http.GetAsync("/health/ready");
        var report = await ready.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("broker").GetProperty("status").GetString());
    }
}
