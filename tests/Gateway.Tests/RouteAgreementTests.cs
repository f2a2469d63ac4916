using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Gateway.Routing.Testing;
using AmbassadorNet.Security;
using Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests;

/// <summary>
/// The comparison every service's test project runs: the endpoints a real service maps (with their
/// RequireAccess rows) against the gateway's table. Proven here on real in-process services.
/// </summary>
public sealed class RouteAgreementTests(RealCreatorsFixture fixture) : IClassFixture<RealCreatorsFixture>
{
    [Fact]
    public void A_service_declaring_the_tables_rows_agrees_and_the_rest_of_its_rows_are_listed()
    {
        var report = RouteAgreement.Check(GatewayServices.Creators, fixture.Creators.Services);

        Assert.True(report.Disagreements.Count == 0, report.ToString());
        Assert.Equal(6, report.Compared.Count);
        Assert.Contains("GET /ops/messaging/parked -> Operations", report.Compared);
        Assert.Contains("PATCH /api/creators/{id}", report.RoutesWithoutEndpoint);
        Assert.DoesNotContain("GET /api/creators", report.RoutesWithoutEndpoint);
        Assert.DoesNotContain("PUT /api/creators/{id}/payout-profile", report.RoutesWithoutEndpoint);
    }

    [Fact]
    public async Task Each_kind_of_drift_is_reported()
    {
        await using var drifted = await ServiceUpstream.StartAsync(GatewayServices.Creators, fixture.SigningKey.KeyId, fixture.SigningKey.PublicKeyPem, app =>
        {
            app.MapPost("/api/creators/{id:guid}/approve", () => "wrong row").RequireAccess(AccessPolicies.CatalogRead);
            app.MapGet("/api/creators/{id:guid}/secret-report", () => "not published").RequireAccess(AccessPolicies.CatalogRead);
            app.MapGet("/api/creators/{id:guid}/notes", () => "no row declared");
            app.MapGet("/api/campaigns/mine", () => "another service's path").RequireAccess(AccessPolicies.CatalogRead);
        });

        var report = RouteAgreement.Check(GatewayServices.Creators, drifted.Services);

        Assert.Equal(4, report.Disagreements.Count);
        Assert.Contains(report.Disagreements, d => d.Contains("approve") && d.Contains("requires CatalogRead, the gateway CatalogWrite"));
        Assert.Contains(report.Disagreements, d => d.Contains("secret-report") && d.Contains("does not route"));
        Assert.Contains(report.Disagreements, d => d.Contains("notes") && d.Contains("declares no row"));
        Assert.Contains(report.Disagreements, d => d.Contains("/api/campaigns/mine") && d.Contains("the gateway sends /api/campaigns/mine to campaigns"));
    }

    [Fact]
    public void A_path_the_gateway_sends_to_another_service_is_reported()
    {
        var endpoint = new RouteEndpointBuilder(_ => Task.CompletedTask, Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/api/campaigns"), 0)
        {
            Metadata = { new HttpMethodMetadata(["GET"]), AccessPolicies.CatalogRead },
        }.Build();

        var report = RouteAgreement.Check(GatewayServices.Creators, [endpoint]);

        Assert.Equal("GET /api/campaigns: the gateway sends /api/campaigns to campaigns.", Assert.Single(report.Disagreements));
    }

    [Fact]
    public void The_gateways_own_endpoints_agree_with_its_table()
    {
        // The proxy's catch-all endpoints are YARP's, not API endpoints of the gateway.
        var endpoints = fixture.Gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => !e.Metadata.Any(m => m.GetType().Namespace?.StartsWith("Yarp", StringComparison.Ordinal) == true));

        var report = RouteAgreement.Check(GatewayServices.GatewayItself, endpoints);

        Assert.True(report.Disagreements.Count == 0 && report.RoutesWithoutEndpoint.Count == 0, report.ToString());
        Assert.Equal(15, report.Compared.Count);
    }
}
