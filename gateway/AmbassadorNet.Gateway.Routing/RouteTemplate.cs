namespace AmbassadorNet.Gateway.Routing;

/// <summary>
/// A path template such as <c>/api/creators/{id}/approve</c>: literal segments (case-insensitive, as
/// ASP.NET routing compares them), <c>{name}</c> for exactly one segment, a trailing <c>{**name}</c>
/// for any rest. Deliberately smaller than ASP.NET's templates: the gateway only needs to know the shape.
/// </summary>
public sealed class RouteTemplate
{
    private readonly Segment[] _segments;

    private RouteTemplate(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
    }

    public string Text { get; }

    public static RouteTemplate Parse(string template)
    {
        if (string.IsNullOrEmpty(template) || template[0] != '/')
        {
            throw new FormatException($"Route template '{template}' must start with '/'.");
        }

        var parts = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var segments = new Segment[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            segments[i] = part switch
            {
                ['{', '*', '*', .., '}'] when i == parts.Length - 1 => new Segment(SegmentKind.CatchAll, part[3..^1]),
                ['{', .., '}'] when !part.Contains('*') => new Segment(SegmentKind.Parameter, part[1..^1]),
                _ when part.IndexOfAny(['{', '}', '*']) < 0 => new Segment(SegmentKind.Literal, part),
                _ => throw new FormatException($"Route template '{template}' has an unsupported segment '{part}'."),
            };
        }

        return new RouteTemplate(template, segments);
    }

    /// <summary>True when <paramref name="pathSegments"/> (a path split on '/') has this template's shape.</summary>
    public bool Matches(IReadOnlyList<string> pathSegments)
    {
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            if (segment.Kind == SegmentKind.CatchAll)
            {
                return true;
            }

            if (i >= pathSegments.Count || pathSegments[i].Length == 0)
            {
                return false;
            }

            if (segment.Kind == SegmentKind.Literal && !string.Equals(segment.Text, pathSegments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return pathSegments.Count == _segments.Length;
    }

    /// <summary>Orders overlapping templates: a literal beats a parameter beats a catch-all, segment by segment.</summary>
    public int CompareSpecificity(RouteTemplate other)
    {
        for (var i = 0; i < Math.Min(_segments.Length, other._segments.Length); i++)
        {
            var order = _segments[i].Kind.CompareTo(other._segments[i].Kind);
            if (order != 0)
            {
                return order;
            }
        }

        return other._segments.Length.CompareTo(_segments.Length);
    }

    /// <summary>The leading literal segments, at most <paramref name="max"/>: every path this template matches starts with them.</summary>
    public IReadOnlyList<string> LiteralPrefix(int max) =>
        [.. _segments.Take(max).TakeWhile(s => s.Kind == SegmentKind.Literal).Select(s => s.Text)];

    /// <summary>A concrete path of this shape, with <paramref name="sampleValue"/> in every parameter.</summary>
    public string SamplePath(string sampleValue) =>
        "/" + string.Join("/", _segments.Select(s => s.Kind == SegmentKind.Literal ? s.Text : sampleValue));

    /// <summary>Whether the template starts with the literal path <paramref name="prefix"/> (e.g. <c>/api/creators</c>).</summary>
    public bool IsUnder(string prefix)
    {
        var prefixParts = prefix.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return prefixParts.Length <= _segments.Length
            && prefixParts.Select((p, i) => _segments[i].Kind == SegmentKind.Literal && string.Equals(_segments[i].Text, p, StringComparison.OrdinalIgnoreCase)).All(x => x);
    }

    public override string ToString() => Text;

    private enum SegmentKind
    {
        Literal,
        Parameter,
        CatchAll,
    }

    private sealed record Segment(SegmentKind Kind, string Text);
}
