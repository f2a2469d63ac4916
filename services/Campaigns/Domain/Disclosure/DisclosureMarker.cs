namespace AmbassadorNet.Campaigns.Domain.Disclosure;

/// <summary>Text that discloses a paid post, such as "#ad", in the markets named (ISO 3166-1 alpha-2) or in every market when none are.</summary>
public sealed record DisclosureMarker(string Text, IReadOnlyList<string>? Markets = null)
{
    public bool AppliesIn(string market) => Markets is null || Markets.Contains(market, StringComparer.Ordinal);
}
