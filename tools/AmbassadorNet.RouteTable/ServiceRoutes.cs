using AmbassadorNet.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace AmbassadorNet.RouteTable;

/// <summary>
/// A service's endpoints as rows of the gateway's table: the methods, the path's shape, the row of
/// the role table (<c>RequireAccess</c>) or public (<c>AllowAnonymous</c>), and a larger body limit
/// (<c>WithBodyLimit</c>). An endpoint that does not say all of it is refused, not guessed.
/// </summary>
public static class ServiceRoutes
{
    public static IReadOnlyList<ServiceRoute> From(string service, IEnumerable<RouteEndpoint> endpoints)
    {
        var problems = new List<string>();
        var routes = new List<ServiceRoute>();
        foreach (var endpoint in endpoints.Where(e => !ReachedThroughGatewayRows(e.RoutePattern)))
        {
            var route = ToRoute(service, endpoint, problems);
            if (route is not null)
            {
                routes.Add(route);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The {service} service's endpoints cannot be published by the gateway:\n  {string.Join("\n  ", problems)}");
        }

        return routes;
    }

    /// <summary>
    /// Health, documents and the operations API reach a service through the gateway's own hand-written
    /// rows; a service's gRPC health (grpc.health.v1) is for the AppHost and probes inside the system.
    /// </summary>
    private static bool ReachedThroughGatewayRows(RoutePattern pattern) =>
        pattern.PathSegments.FirstOrDefault()?.Parts is [RoutePatternLiteralPart { Content: var first }]
        && (first.Equals("health", StringComparison.OrdinalIgnoreCase)
            || first.Equals("openapi", StringComparison.OrdinalIgnoreCase)
            || first.Equals("ops", StringComparison.OrdinalIgnoreCase)
            || first.Equals("grpc.health.v1.Health", StringComparison.Ordinal));

    private static ServiceRoute? ToRoute(string service, RouteEndpoint endpoint, List<string> problems)
    {
        var pattern = endpoint.RoutePattern.RawText ?? endpoint.DisplayName ?? "?";
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
        var policy = endpoint.Metadata.GetMetadata<AccessPolicy>();
        var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        var template = TemplateOf(endpoint.RoutePattern);
        if (methods.Count == 0)
        {
            problems.Add($"{pattern}: accepts every HTTP method; map it with its methods.");
        }
        else if (policy is null && !anonymous)
        {
            problems.Add($"{string.Join("|", methods)} {pattern}: declares no row of the role table (RequireAccess) and is not AllowAnonymous.");
        }
        else if (template is null)
        {
            problems.Add($"{pattern}: only literal segments, {{name}} parameters and a trailing {{**rest}} can be routed by the gateway.");
        }
        else
        {
            return new ServiceRoute(service, [.. methods], template, anonymous ? null : policy!.Name, endpoint.Metadata.GetMetadata<RequestBodyLimitMetadata>()?.MaxBytes);
        }

        return null;
    }

    /// <summary>The path's shape in the gateway's template syntax: constraints dropped, since the service checks them.</summary>
    private static string? TemplateOf(RoutePattern pattern)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            switch (segment.Parts)
            {
                case [RoutePatternLiteralPart literal]:
                    segments.Add(literal.Content);
                    break;
                case [RoutePatternParameterPart { IsOptional: false } parameter]:
                    segments.Add(parameter.IsCatchAll ? $"{{**{parameter.Name}}}" : $"{{{parameter.Name}}}");
                    break;
                default:
                    return null;
            }
        }

        return "/" + string.Join("/", segments);
    }
}
