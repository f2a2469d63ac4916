using System.Net;
using System.Net.Http.Json;
using AmbassadorNet.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Security.Tests.Support;

namespace Security.Tests;

public sealed class AuthorizationTests(SecuredApp fixture) : IClassFixture<SecuredApp>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task A_valid_token_with_the_right_role_reaches_the_endpoint_which_sees_the_caller()
    {
        var brandId = Guid.CreateVersion7();
        var keyId = Guid.CreateVersion7();
        var token = fixture.Tokens.Mint(TestApp.Audience, brandId, [Roles.Manager, Roles.Analyst], keyId);

        using var response = await _app.SendAsync(HttpMethod.Post, "/catalog", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var caller = await response.Content.ReadFromJsonAsync<CallerView>(TestContext.Current.CancellationToken);
        Assert.NotNull(caller);
        Assert.Equal(brandId, caller.BrandId);
        Assert.Equal(keyId, caller.ApiKeyId);
        Assert.Equal([Roles.Manager, Roles.Analyst], caller.Roles);
        Assert.False(caller.IsAdmin);
    }

    [Fact]
    public async Task IsInRole_works_and_an_operator_call_has_no_api_key()
    {
        var token = fixture.Tokens.Mint(TestApp.Audience, Guid.Empty, [Roles.Operator]);

        using var response = await _app.GetAsync("/ops/parked", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var caller = await response.Content.ReadFromJsonAsync<CallerView>(TestContext.Current.CancellationToken);
        Assert.Null(caller!.ApiKeyId);
        Assert.Equal([Roles.Operator], caller.Roles);

        using var admin = await _app.GetAsync("/catalog", fixture.Tokens.Mint(TestApp.Audience, Guid.CreateVersion7(), [Roles.Admin]));
        Assert.True((await admin.Content.ReadFromJsonAsync<CallerView>(TestContext.Current.CancellationToken))!.IsAdmin);
    }

    [Fact]
    public async Task No_token_is_401_with_a_bearer_challenge()
    {
        using var response = await _app.GetAsync("/catalog", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("GET", "/catalog", Roles.Partner)]
    [InlineData("POST", "/catalog", Roles.Analyst)]
    [InlineData("GET", "/payouts/batches", Roles.Manager)]
    [InlineData("GET", "/ops/parked", Roles.Admin)]
    public async Task A_valid_token_with_the_wrong_role_is_403(string method, string path, string role)
    {
        var token = fixture.Tokens.Mint(TestApp.Audience, Guid.CreateVersion7(), [role], Guid.CreateVersion7());

        using var response = await _app.SendAsync(new HttpMethod(method), path, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_anonymous_health_endpoint_answers_without_a_token()
    {
        using var response = await _app.GetAsync("/health/live", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_endpoint_without_a_policy_still_requires_a_token()
    {
        using var anonymous = await _app.GetAsync("/unguarded", token: null);
        using var authenticated = await _app.GetAsync("/unguarded", fixture.Tokens.Mint(TestApp.Audience, Guid.CreateVersion7(), [Roles.Partner]));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
    }

    [Fact]
    public void Endpoints_carry_their_access_policy_as_metadata()
    {
        var policies = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .ToDictionary(e => $"{e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Single()} {e.RoutePattern.RawText}", e => e.Metadata.GetMetadata<AccessPolicy>());

        Assert.Equal(AccessPolicies.CatalogRead, policies["GET /catalog"]);
        Assert.Equal(AccessPolicies.CatalogWrite, policies["POST /catalog"]);
        Assert.Equal(AccessPolicies.Operations, policies["GET /ops/parked"]);
        Assert.Null(policies["GET /health/live"]);
    }
}
