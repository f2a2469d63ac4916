using System.Text.RegularExpressions;
using AmbassadorNet.Campaigns.Domain.Disclosure;

namespace AmbassadorNet.Campaigns.Api.Disclosure;

/// <summary>What a disclosure policy must be, field by field; every problem is reported at once.</summary>
internal static partial class DisclosurePolicyValidation
{
    public static IReadOnlyList<DisclosureMarker> Check(DisclosurePolicyRequest request)
    {
        var errors = new FieldErrors();
        errors.Check(request.Markers is { Count: >= 1 and <= DisclosurePolicy.MaxMarkers }, "markers", $"From 1 to {DisclosurePolicy.MaxMarkers} markers such as {{\"text\": \"#ad\", \"markets\": null}}.");
        errors.Check(request.AcceptPaidPartnershipLabel is not null, "acceptPaidPartnershipLabel", "true or false: whether the platform's paid-partnership label alone discloses a post.");
        var markers = new List<DisclosureMarker>();
        foreach (var (marker, i) in (request.Markers ?? []).Select((m, i) => (m, i)))
        {
            var text = marker?.Text?.Trim();
            errors.Check(text is { Length: >= 1 and <= DisclosurePolicy.MaxMarkerLength }, $"markers[{i}].text", $"The marker's text, 1 to {DisclosurePolicy.MaxMarkerLength} characters (\"#ad\").");
            var first = markers.FindIndex(m => string.Equals(m.Text, text, StringComparison.OrdinalIgnoreCase));
            errors.Check(text is not { Length: > 0 } || first < 0, $"markers[{i}].text", $"The same marker as markers[{first}]: markers are compared whatever their case.");
            var markets = marker?.Markets?.Select(m => m?.Trim()).ToList();
            errors.Check(markets is null || (markets.Count > 0 && markets.All(m => m is not null && CountryCode().IsMatch(m))), $"markers[{i}].markets",
                "Null for every market, or ISO 3166-1 alpha-2 upper-case codes such as [\"DE\", \"AT\"].");
            markers.Add(new(text ?? "", markets is null ? null : [.. markets.Select(m => m!).Distinct(StringComparer.Ordinal)]));
        }

        errors.ThrowIfAny();
        return markers;
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
