using AmbassadorNet.Campaigns.Domain.Posts;
using AmbassadorNet.Contracts.Campaigns;

namespace AmbassadorNet.Campaigns.Domain.Disclosure;

/// <summary>Disclosure events: the brand's policy with its version, and a post's override.</summary>
public static class DisclosureEventFactory
{
    public static DisclosurePolicyChanged PolicyChanged(DisclosurePolicy p) =>
        new(p.BrandId, p.UpdatedAt!.Value, p.Version, [.. p.Markers.Select(m => new DisclosureMarkerState(m.Text, m.Markets))], p.AcceptPaidPartnershipLabel);

    public static PostDisclosureOverridden Overridden(Post p) =>
        new(p.BrandId, p.DisclosureOverriddenAt!.Value, p.Id, p.Version, p.CampaignId, p.EnrollmentId, p.CreatorId, p.DisclosureOverrideNote!, p.DisclosureOverrideApiKeyId);
}
