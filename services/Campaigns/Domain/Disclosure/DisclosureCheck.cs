using System.Text;

namespace AmbassadorNet.Campaigns.Domain.Disclosure;

/// <summary>
/// Whether a post discloses that it is paid: its caption holds a marker that applies in its market as
/// a whole token, or the platform's paid-partnership label is on and the brand accepts it. No I/O.
/// </summary>
public static class DisclosureCheck
{
    public static DisclosureResult Check(DisclosureRule rule, string market, string? caption, bool paidPartnershipLabel)
    {
        var markers = rule.MarkersIn(market);
        if (markers.FirstOrDefault(m => Contains(caption, m)) is { } found)
        {
            return new(DisclosureStatus.Disclosed, found, false, $"The caption has the marker {found}.");
        }

        if (paidPartnershipLabel && rule.AcceptPaidPartnershipLabel)
        {
            return new(DisclosureStatus.Disclosed, null, true, "The platform's paid-partnership label is on.");
        }

        var accepted = markers.Count == 0 ? $"no marker (none is accepted in {market})" : $"none of {string.Join(", ", markers)} (accepted in {market})";
        var label = paidPartnershipLabel ? "the brand does not accept the paid-partnership label alone" : "the paid-partnership label is off";
        return new(DisclosureStatus.Missing, null, false, $"The caption has {accepted} and {label}.");
    }

    /// <summary>
    /// Case-insensitive in every culture (ordinal, so a match is as long as the marker), and a whole
    /// token: no letter, digit or underscore just before or after, so "#ad" is not found in "#adventure".
    /// </summary>
    public static bool Contains(string? caption, string marker)
    {
        if (string.IsNullOrEmpty(caption) || marker.Length == 0)
        {
            return false;
        }

        for (var at = caption.IndexOf(marker, StringComparison.OrdinalIgnoreCase); at >= 0; at = caption.IndexOf(marker, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + marker.Length;
            var before = at > 0 && Rune.DecodeLastFromUtf16(caption.AsSpan(0, at), out var previous, out _) == System.Buffers.OperationStatus.Done && IsWordRune(previous);
            var after = end < caption.Length && Rune.DecodeFromUtf16(caption.AsSpan(end), out var next, out _) == System.Buffers.OperationStatus.Done && IsWordRune(next);
            if (!before && !after)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordRune(Rune rune) => Rune.IsLetterOrDigit(rune) || rune.Value == '_';
}
