using AmbassadorNet.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using AspNetRouteTemplate = Microsoft.AspNetCore.Routing.Template.RouteTemplate;

namespace AmbassadorNet.Gateway.Routing.Testing;

/// <summary>
/// Compares the endpoints an application really maps (each declares its row of the role table with
/// <c>RequireAccess</c>) with what <see cref="GatewayRouteTable"/> says, so the two places the role
/// table is enforced cannot drift apart. The services' API rows are generated from their endpoints
/// (tools/AmbassadorNet.RouteTable); what this still catches is an endpoint that declares no method or
/// access rule, an operations endpoint that asks for another row than the gateway's <c>/ops</c> route,
/// and the gateway's own hand-written rows against its own endpoints.
/// <code>
/// var report = RouteAgreement.Check(GatewayServices.Creators, app.Services);
/// Assert.True(report.Disagreements.Count == 0, report.ToString());
/// </code>
/// </summary>
public static class RouteAgreement
{
    /// <summary>A value every parameter accepts, including <c>:guid</c> constraints.</summary>
    private const string SampleId = "0197a3c0-0000-7000-8000-000000000001";

    public static RouteAgreementReport Check(string service, IServiceProvider services, GatewayRouteTable? table = null) =>
        Check(service, services.GetRequiredService<EndpointDataSource>().Endpoints, table);

    public static RouteAgreementReport Check(string service, IEnumerable<Endpoint> endpoints, GatewayRouteTable? table = null)
    {
        table ??= GatewayRouteTable.Default;
        var routeEndpoints = endpoints.OfType<RouteEndpoint>().Where(e => !ServedElsewhere(e.RoutePattern.RawText)).ToList();
        var disagreements = new List<string>();
        var compared = new List<string>();
        foreach (var endpoint in routeEndpoints)
        {
            compared.AddRange(CompareEndpoint(service, endpoint, table, disagreements));
        }

        return new RouteAgreementReport(disagreements, UnservedRoutes(service, table, routeEndpoints), compared);
    }

    /// <summary>Health (HTTP and gRPC's grpc.health.v1) is the gateway's own; documents are proxied by a fixed route.</summary>
    private static bool ServedElsewhere(string? pattern) =>
        pattern is not null && (pattern.StartsWith("/health", StringComparison.OrdinalIgnoreCase) || pattern.StartsWith("/openapi", StringComparison.OrdinalIgnoreCase)
            || pattern.StartsWith(GatewayServices.GrpcHealthPrefix, StringComparison.Ordinal));

    private static IEnumerable<string> CompareEndpoint(string service, RouteEndpoint endpoint, GatewayRouteTable table, List<string> disagreements)
    {
        var pattern = endpoint.RoutePattern.RawText ?? endpoint.DisplayName ?? "?";
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
        var policy = endpoint.Metadata.GetMetadata<AccessPolicy>();
        var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        if (methods.Count == 0)
        {
            disagreements.Add($"{pattern}: accepts every HTTP method; map it with its methods.");
            yield break;
        }

        if (policy is null && !anonymous)
        {
            disagreements.Add($"{string.Join("|", methods)} {pattern}: declares no row of the role table (RequireAccess) and is not AllowAnonymous.");
            yield break;
        }

        var gatewayPath = GatewayServices.GatewayPathFor(service, SamplePath(endpoint.RoutePattern));
        foreach (var method in methods)
        {
            var expected = anonymous ? "public" : policy!.Name;
            var resolution = table.Resolve(method, gatewayPath);
            var route = resolution.Route;
            if (route is null)
            {
                disagreements.Add($"{method} {pattern} ({expected}): the gateway does not route {method} {gatewayPath}.");
            }
            else if (route.Service != service)
            {
                disagreements.Add($"{method} {pattern}: the gateway sends {gatewayPath} to {route.Service}.");
            }
            else if (anonymous ? !route.Access.IsPublic : !Equals(route.Access.Policy, policy))
            {
                disagreements.Add($"{method} {pattern}: the service requires {expected}, the gateway {route.Access}.");
            }

            yield return $"{method} {pattern} -> {expected}";
        }
    }

    private static List<string> UnservedRoutes(string service, GatewayRouteTable table, IReadOnlyList<RouteEndpoint> endpoints)
    {
        var matchers = endpoints.Select(e => (Endpoint: e, Matcher: new TemplateMatcher(new AspNetRouteTemplate(e.RoutePattern), new RouteValueDictionary()))).ToList();
        var unserved = new List<string>();
        // The ops catch-all stands for a whole family of paths; it is checked from the endpoints' side.
        foreach (var route in table.ForService(service).Where(r => !r.Template.Text.StartsWith(GatewayServices.OpsPrefix + "/", StringComparison.Ordinal)
                     && !ServedElsewhere(r.Template.Text)))
        {
            var path = new PathString(route.Template.SamplePath(SampleId));
            foreach (var method in route.Methods)
            {
                var served = matchers.Any(m =>
                    (m.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Contains(method, StringComparer.OrdinalIgnoreCase)
                    && m.Matcher.TryMatch(path, new RouteValueDictionary()));
                if (!served)
                {
                    unserved.Add($"{method} {route.Template}");
                }
            }
        }

        return unserved;
    }

    /// <summary>A concrete path the pattern matches: its literals, and a sample value in each parameter.</summary>
    private static string SamplePath(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => SampleValue(parameter),
            _ => "",
        })));
        return "/" + string.Join("/", segments.Where(s => s.Length > 0));
    }

    private static string SampleValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        return constraints.Any(c => c is "int" or "long" or "decimal" or "double" or "float" || c.StartsWith("range", StringComparison.Ordinal) || c.StartsWith("min", StringComparison.Ordinal))
            ? "1"
            : constraints.Contains("bool") ? "true" : SampleId;
    }
}
