namespace AmbassadorNet.Campaigns.Domain.Disclosure;

/// <summary>What discloses a post of one campaign: the brand's markers with the campaign's required disclosure, and the label if accepted.</summary>
public sealed record DisclosureRule(IReadOnlyList<DisclosureMarker> Markers, bool AcceptPaidPartnershipLabel)
{
    /// <summary>The marker texts that count in <paramref name="market"/>, in the policy's order, each once whatever its case.</summary>
    public IReadOnlyList<string> MarkersIn(string market) =>
        [.. Markers.Where(m => m.AppliesIn(market)).Select(m => m.Text).Distinct(StringComparer.OrdinalIgnoreCase)];
}
