using AmbassadorNet.Contracts.Campaigns;
using static AmbassadorNet.Campaigns.Domain.CampaignEventFactory;

namespace AmbassadorNet.Campaigns.Domain.Posts;

/// <summary>Post events, each with the post's version and full state.</summary>
public static class PostEventFactory
{
    public static PostState State(Post p) => new(
        p.Id, p.EnrollmentId, p.CampaignId, p.CreatorId, p.DeliverableId, p.Platform, Name(p.Format), p.Url, p.PublishedAt, p.Language, p.Market,
        p.Caption, p.PaidPartnershipLabel, p.CreatorFollowers, p.ExperimentId, p.Variant, Name(p.DisclosureStatus));

    public static PostRecorded Recorded(Post p) => new(p.BrandId, p.UpdatedAt, p.Id, p.Version, State(p), p.TrackingLinkRequested, p.PromoCodeRequested);
}
