namespace AmbassadorNet.Gateway.Routing;

/// <summary>
/// The gateway's route table: (HTTP method, path) → the service and the row of the role table that
/// guards it. Anything not in the table is not routed at all (404), so a service endpoint becomes
/// public only when it joins <see cref="AmbassadorNetRoutes"/>.
/// </summary>
public sealed class GatewayRouteTable
{
    /// <summary>
    /// How many leading literal segments key the index. Two tell most rows apart: nearly every path
    /// starts with <c>api</c>, and the second segment names the resource (<c>/api/campaigns</c> has the
    /// most rows, about 30 of 170).
    /// </summary>
    private const int IndexDepth = 2;

    private readonly RouteIndex _index;

    public GatewayRouteTable(IEnumerable<GatewayRoute> routes)
    {
        Routes = [.. routes];
        _index = new RouteIndex(Routes, IndexDepth);
        foreach (var route in Routes.Where(r => r.Service != GatewayServices.GatewayItself))
        {
            if (!GatewayServices.Prefixes.ContainsKey(route.Service))
            {
                throw new ArgumentException($"{route}: unknown service '{route.Service}'.", nameof(routes));
            }

            if (!GatewayServices.OwnedPrefixes(route.Service).Any(route.Template.IsUnder))
            {
                // YARP routes by prefix; a row outside its service's prefixes would reach another service.
                throw new ArgumentException($"{route}: the path is not under a prefix of {route.Service}.", nameof(routes));
            }
        }
    }

    /// <summary>The table the gateway runs with.</summary>
    public static GatewayRouteTable Default { get; } = new(AmbassadorNetRoutes.All);

    public IReadOnlyList<GatewayRoute> Routes { get; }

    public IEnumerable<GatewayRoute> ForService(string service) => Routes.Where(r => r.Service == service);

    public RouteResolution Resolve(string method, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        var segments = Split(path);
        if (segments is null)
        {
            return RouteResolution.NotFound;
        }

        var matching = _index.Matching(segments);
        if (matching.Count == 0)
        {
            return RouteResolution.NotFound;
        }

        var route = matching.Where(r => r.Accepts(method)).OrderBy(r => r.Template, SpecificityOrder.Instance).FirstOrDefault();
        return route is not null
            ? new RouteResolution(RouteOutcome.Found, route, route.Methods)
            : new RouteResolution(RouteOutcome.MethodNotAllowed, null, [.. matching.SelectMany(r => r.Methods).Distinct(StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>Path segments without one trailing slash; null for a path the table never routes (empty segments, no leading '/').</summary>
    private static string[]? Split(string path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            return null;
        }

        var trimmed = path.Length > 1 && path[^1] == '/' ? path[1..^1] : path[1..];
        var segments = trimmed.Length == 0 ? [] : trimmed.Split('/');
        return segments.Any(s => s.Length == 0) ? null : segments;
    }

    private sealed class SpecificityOrder : IComparer<RouteTemplate>
    {
        public static readonly SpecificityOrder Instance = new();

        public int Compare(RouteTemplate? x, RouteTemplate? y) => x!.CompareSpecificity(y!);
    }
}
