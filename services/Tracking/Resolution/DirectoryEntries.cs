namespace AmbassadorNet.Tracking.Resolution;

/// <summary>An active link as the redirect needs it, with its enrollment's state.</summary>
public sealed record ResolvedLink(Guid LinkId, Guid BrandId, string Code, Guid EnrollmentId, Guid CampaignId, Guid CreatorId, string? Handle, bool EnrollmentActive, Guid? PostId);

/// <summary>Where a campaign's links go, and whether its clicks still attribute.</summary>
public sealed record CampaignRoute(Guid CampaignId, string Name, string Status, string DestinationUrl, IReadOnlyList<string> AllowedDomains)
{
    public static CampaignRoute Of(CampaignReplica campaign) =>
        new(campaign.CampaignId, campaign.Name, campaign.Status, campaign.DestinationUrl, campaign.AllowedDomains);

    /// <summary>Paused campaigns still earn; ended ones redirect but earn nothing.</summary>
    public bool Attributes => Status != "ended";
}
