using AmbassadorNet.Campaigns.Domain.Posts;
using AmbassadorNet.ServiceDefaults.Persistence;

namespace AmbassadorNet.Campaigns.Persistence;

/// <summary>Loading aggregates of the caller's brand (404 otherwise), and saving with the database's refusals turned into 409s.</summary>
public static class CampaignStore
{
    public static async Task<Campaign> LoadCampaignAsync(this CampaignsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
        ?? throw new NotFoundException($"Campaign {id} does not exist.");

    public static async Task<Enrollment> LoadEnrollmentAsync(this CampaignsDbContext db, Guid campaignId, Guid id, CancellationToken cancellationToken) =>
        await db.Enrollments.SingleOrDefaultAsync(e => e.Id == id && e.CampaignId == campaignId, cancellationToken)
        ?? throw new NotFoundException($"Enrollment {id} of campaign {campaignId} does not exist.");

    public static async Task<Deliverable> LoadDeliverableAsync(this CampaignsDbContext db, Guid campaignId, Guid enrollmentId, Guid id, CancellationToken cancellationToken) =>
        await db.Deliverables.SingleOrDefaultAsync(d => d.Id == id && d.EnrollmentId == enrollmentId && d.CampaignId == campaignId, cancellationToken)
        ?? throw new NotFoundException($"Deliverable {id} does not exist.");

    public static async Task<Post> LoadPostAsync(this CampaignsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Posts.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw new NotFoundException($"Post {id} does not exist.");

    /// <summary>The version of the terms an order placed at <paramref name="at"/> earns under (<see cref="InForce.Terms"/>); null for a campaign never launched.</summary>
    public static async Task<CampaignTermsVersion?> TermsInForceAsync(this CampaignsDbContext db, Guid campaignId, DateTimeOffset at, CancellationToken cancellationToken) =>
        InForce.Terms(await db.TermsVersions.AsNoTracking().Where(v => v.CampaignId == campaignId).ToListAsync(cancellationToken), at);

    public static Task SaveAsync(this CampaignsDbContext db, CancellationToken cancellationToken) =>
        db.SaveOrConflictAsync("It was changed by another request at the same time; read it again and retry.", Duplicates, cancellationToken);

    private static readonly Dictionary<string, string> Duplicates = new()
    {
        ["ix_enrollments_campaign_id_creator_id"] = "The creator already has an enrollment in this campaign.",
        ["ix_posts_brand_id_url"] = "This post is already recorded (another request recorded it at the same time).",
        ["ix_agreements_enrollment_id_agreement_version"] = "Another version of this agreement was sent at the same time; read the enrollment's agreements and send again.",
        ["ix_disclosure_policies_brand_id"] = "Another request set the disclosure policy at the same time; read it again and retry.",
        ["ix_exclusivity_policies_brand_id"] = "Another request set the exclusivity policy at the same time; read it again and retry.",
        ["post_usage_rights_pkey"] = "Another request set the post's usage rights at the same time; read them again and retry.",
        ["ix_usage_rights_policies_brand_id"] = "Another request set the usage-rights policy at the same time; read it again and retry.",
    };
}
