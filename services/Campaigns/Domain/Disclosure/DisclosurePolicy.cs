namespace AmbassadorNet.Campaigns.Domain.Disclosure;

/// <summary>
/// A brand's accepted disclosure markers and whether the platform's paid-partnership label alone is
/// enough. A brand that never set one has <see cref="Default"/> (no row).
/// </summary>
public sealed class DisclosurePolicy : BrandOwnedEntity
{
    public const int MaxMarkers = 50;

    public const int MaxMarkerLength = 50;

    /// <summary>"#ad" and "#sponsored" in every market, the label accepted: what regulators in most markets recognise.</summary>
    public static DisclosurePolicy Default { get; } = new()
    {
        Markers = [new("#ad"), new("#sponsored")], AcceptPaidPartnershipLabel = true,
    };

    public List<DisclosureMarker> Markers { get; set; } = [];

    public bool AcceptPaidPartnershipLabel { get; set; }

    /// <summary>0 for <see cref="Default"/>; 1 for the brand's first own policy, and up by one with each change.</summary>
    public long Version { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public Guid? UpdatedByApiKeyId { get; set; }

    public bool IsDefault => Version == 0;

    public void Change(IReadOnlyList<DisclosureMarker> markers, bool acceptPaidPartnershipLabel, Guid? apiKeyId, DateTimeOffset now)
    {
        (Markers, AcceptPaidPartnershipLabel, UpdatedByApiKeyId, UpdatedAt) = ([.. markers], acceptPaidPartnershipLabel, apiKeyId, now);
        Version++;
    }

    /// <summary>The rule a post of a campaign is checked by: these markers, plus the campaign's own required disclosure in every market.</summary>
    public DisclosureRule RuleFor(string? campaignDisclosure) =>
        new(string.IsNullOrWhiteSpace(campaignDisclosure) ? Markers : [.. Markers, new(campaignDisclosure.Trim())], AcceptPaidPartnershipLabel);
}
