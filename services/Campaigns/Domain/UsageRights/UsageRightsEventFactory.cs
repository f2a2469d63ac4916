using AmbassadorNet.Campaigns.Domain.Posts;
using AmbassadorNet.Contracts.Campaigns;

namespace AmbassadorNet.Campaigns.Domain.UsageRights;

/// <summary>Usage-rights events: a post's own rights set (or cleared), and the brand's policy changed.</summary>
public static class UsageRightsEventFactory
{
    public static UsageGrantState State(UsageGrant g) => new(g.Uses, g.Territories, g.StartsOn, g.EndsOn, g.MayEdit);

    public static PostUsageRightsSet Set(Post post, PostUsageRights rights, IEnumerable<UsageGrant> grants) => new(
        post.BrandId, rights.SetAt, post.Id, rights.Version, post.CampaignId, post.EnrollmentId, post.CreatorId,
        [.. grants.OrderBy(g => g.Position).Select(State)], rights.SetByApiKeyId);

    public static UsageRightsPolicyChanged PolicyChanged(UsageRightsPolicy p) => new(p.BrandId, p.UpdatedAt!.Value, p.Version, p.ExpiryNoticeDays);
}
