namespace AmbassadorNet.Tracking.Domain;

/// <summary>The values a redirect adds to the destination's query string.</summary>
public sealed record TrackingParameters(string Campaign, string Content, Guid ClickId)
{
    public const string Source = "ambassadornet";
    public const string Medium = "influencer";
    public const string ClickIdName = "amb_cid";
}

/// <summary>
/// Builds the Location of a redirect: the destination with its own query string kept byte for byte
/// (its own utm_* values win: the brand chose them), the missing UTM parameters and our click id
/// appended (any amb_cid already there is replaced: it must be this click's), the fragment last.
/// The host is written in punycode so the header is plain ASCII.
/// </summary>
public static class RedirectUrl
{
    public static string Build(Uri destination, TrackingParameters tracking)
    {
        var existing = destination.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !string.Equals(KeyOf(pair), TrackingParameters.ClickIdName, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var present = existing.Select(KeyOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = new (string Key, string Value)[]
        {
            ("utm_source", TrackingParameters.Source),
            ("utm_medium", TrackingParameters.Medium),
            ("utm_campaign", tracking.Campaign),
            ("utm_content", tracking.Content),
        }.Where(p => !present.Contains(p.Key)).Append((Key: TrackingParameters.ClickIdName, Value: tracking.ClickId.ToString()));
        var query = string.Join('&', existing.Concat(added.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")));
        var port = destination.IsDefaultPort ? "" : $":{destination.Port}";
        return $"{destination.Scheme}://{SafeDestination.AsciiHost(destination.IdnHost)}{port}{destination.AbsolutePath}?{query}{destination.Fragment}";
    }

    private static string KeyOf(string pair)
    {
        var key = pair.Split('=', 2)[0];
        try
        {
            return Uri.UnescapeDataString(key);
        }
        catch (UriFormatException)
        {
            return key;
        }
    }
}
