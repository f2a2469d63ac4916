using AmbassadorNet.Campaigns.Api.Disclosure;
using AmbassadorNet.Campaigns.Domain.Posts;
using AmbassadorNet.Campaigns.Domain.UsageRights;

namespace AmbassadorNet.Campaigns.Api.Posts;

public sealed record PostView(
    Guid Id, Guid CampaignId, Guid EnrollmentId, Guid CreatorId, Guid? DeliverableId, string Platform, PostFormat Format, string? Url,
    DateTimeOffset PublishedAt, string Language, string Market, string? Caption, bool PaidPartnershipLabel, long? CreatorFollowers,
    Guid? ExperimentId, string? Variant, bool TrackingLinkRequested, bool PromoCodeRequested, bool Erased, long Version, DateTimeOffset CreatedAt,
    PostDisclosureView Disclosure, UsageRightsSummary UsageRights)
{
    /// <param name="usageRights">The post's usage rights today (<see cref="UsageRights.UsageRightsStore.UsageRightsSummariesAsync"/>).</param>
    public static PostView From(Post p, UsageRightsSummary usageRights) => new(
        p.Id, p.CampaignId, p.EnrollmentId, p.CreatorId, p.DeliverableId, p.Platform, p.Format, p.Url, p.PublishedAt, p.Language, p.Market,
        p.Caption, p.PaidPartnershipLabel, p.CreatorFollowers, p.ExperimentId, p.Variant, p.TrackingLinkRequested, p.PromoCodeRequested, p.Erased, p.Version, p.CreatedAt,
        PostDisclosureView.From(p), usageRights);
}

public sealed record PostPage(IReadOnlyList<PostView> Items, string? NextCursor);
