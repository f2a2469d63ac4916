using AmbassadorNet.RouteTable;
using AmbassadorNet.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace RouteTable.Tests;

/// <summary>How one endpoint's declarations become a row, and which endpoints are refused rather than guessed.</summary>
public sealed class ServiceRoutesTests
{
    [Fact]
    public void Methods_access_and_body_limit_are_carried_and_constraints_dropped()
    {
        var routes = ServiceRoutes.From("creators",
        [
            Endpoint("/api/creators/{id:guid}/import", ["POST"], AccessPolicies.CatalogWrite, new RequestBodyLimitMetadata(RequestBodyLimits.File)),
            Endpoint("/api/creators/{code}", ["GET", "HEAD"], new AllowAnonymousAttribute()),
        ]);

        Assert.Equal(
            [
                $"creators POST /api/creators/{{id}}/import CatalogWrite {RequestBodyLimits.File}",
                "creators GET|HEAD /api/creators/{code} public ",
            ],
            routes.Select(r => $"{r.Service} {string.Join("|", r.Methods)} {r.Template} {r.Policy ?? "public"} {r.MaxBodyBytes}"));
    }

    [Fact]
    public void Health_documents_and_operations_endpoints_are_left_to_the_gateways_own_rows()
    {
        var routes = ServiceRoutes.From("creators",
        [
            Endpoint("/health/ready", ["GET"], new AllowAnonymousAttribute()),
            Endpoint("/openapi/{documentName}.json", ["GET"], new AllowAnonymousAttribute()),
            Endpoint("/ops/messaging/parked", ["GET"], AccessPolicies.Operations),
        ]);

        Assert.Empty(routes);
    }

    [Fact]
    public void Endpoints_without_methods_access_rule_or_routable_shape_are_refused_together()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => ServiceRoutes.From("creators",
        [
            Endpoint("/api/creators/{id}/notes", ["GET"]),
            Endpoint("/api/creators/any", [], AccessPolicies.CatalogRead),
            Endpoint("/api/creators/{id}.csv", ["GET"], AccessPolicies.CatalogRead),
        ]));

        Assert.Contains("GET /api/creators/{id}/notes: declares no row of the role table", refused.Message);
        Assert.Contains("/api/creators/any: accepts every HTTP method", refused.Message);
        Assert.Contains("/api/creators/{id}.csv: only literal segments", refused.Message);
    }

    private static RouteEndpoint Endpoint(string pattern, string[] methods, params object[] metadata)
    {
        var builder = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0);
        if (methods.Length > 0)
        {
            builder.Metadata.Add(new HttpMethodMetadata(methods));
        }

        foreach (var item in metadata)
        {
            builder.Metadata.Add(item);
        }

        return (RouteEndpoint)builder.Build();
    }
}
