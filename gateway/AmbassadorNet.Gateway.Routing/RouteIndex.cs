namespace AmbassadorNet.Gateway.Routing;

/// <summary>
/// The route table's rows by their leading literal segments, so a request is matched against the few
/// rows that can match it rather than all of them (a linear scan was the gateway's largest managed
/// frame under load, docs/benchmarks.md). A row whose template starts with the literals K can only
/// match a path that starts with K, so a path's candidates are the rows keyed by its own first
/// segments (none, one, up to the depth). Matches come back in table order, as a scan finds them.
/// </summary>
internal sealed class RouteIndex
{
    private readonly Dictionary<string, (int Order, GatewayRoute Route)[]> _rowsByPrefix;
    private readonly int _depth;

    public RouteIndex(IReadOnlyList<GatewayRoute> routes, int depth)
    {
        _depth = depth;
        _rowsByPrefix = routes
            .Select((route, order) => (Order: order, Route: route))
            .GroupBy(row => Key(row.Route.Template.LiteralPrefix(depth)), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The rows whose template <paramref name="segments"/> (a path split on '/') matches, in table order.</summary>
    public List<GatewayRoute> Matching(IReadOnlyList<string> segments)
    {
        // Every request passes here: plain loops, and one key built per extra segment.
        var found = new List<(int Order, GatewayRoute Route)>(4);
        var key = "";
        for (var length = 0; length <= Math.Min(_depth, segments.Count); length++)
        {
            key = length switch { 0 => "", 1 => segments[0], _ => string.Concat(key, "/", segments[length - 1]) };
            if (!_rowsByPrefix.TryGetValue(key, out var rows))
            {
                continue;
            }

            foreach (var row in rows)
            {
                if (row.Route.Template.Matches(segments))
                {
                    found.Add(row);
                }
            }
        }

        if (found.Count > 1)
        {
            found.Sort(static (a, b) => a.Order.CompareTo(b.Order));
        }

        var routes = new List<GatewayRoute>(found.Count);
        foreach (var row in found)
        {
            routes.Add(row.Route);
        }

        return routes;
    }

    private static string Key(IEnumerable<string> leadingSegments) => string.Join('/', leadingSegments);
}
