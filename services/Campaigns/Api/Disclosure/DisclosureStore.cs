using AmbassadorNet.Campaigns.Domain.Disclosure;
using AmbassadorNet.Campaigns.Domain.Posts;

namespace AmbassadorNet.Campaigns.Api.Disclosure;

/// <summary>The brand's policy in force, the check of a post being recorded, and the approval gate.</summary>
internal static class DisclosureStore
{
    /// <summary>Checks the post with the brand's policy and its campaign's required disclosure as they are now, and stores the answer on it.</summary>
    public static async Task CheckDisclosureAsync(this CampaignsDbContext db, Post post, CancellationToken ct)
    {
        var policy = await db.DisclosurePolicies.AsNoTracking().SingleOrDefaultAsync(ct) ?? DisclosurePolicy.Default;
        var campaignDisclosure = await db.Campaigns.Where(c => c.Id == post.CampaignId).Select(c => c.RequiredDisclosure).SingleOrDefaultAsync(ct);
        post.Record(DisclosureCheck.Check(policy.RuleFor(campaignDisclosure), post.Market, post.Caption, post.PaidPartnershipLabel));
    }

    /// <summary>
    /// 409 when the deliverable waits for approval as a post whose disclosure is missing. A deliverable
    /// submitted as a bare URL has no caption to check and passes; so does a post recorded before the check.
    /// </summary>
    public static async Task EnsureDisclosedAsync(this CampaignsDbContext db, Deliverable deliverable, CancellationToken ct)
    {
        if (deliverable is not { Status: DeliverableStatus.Submitted, PostId: { } postId })
        {
            return;
        }

        var missing = await db.Posts.Where(p => p.Id == postId && p.DisclosureStatus == DisclosureStatus.Missing).Select(p => new { p.DisclosureReason }).SingleOrDefaultAsync(ct);
        if (missing is not null)
        {
            throw new ConflictException(PostDisclosure.ApprovalRefusal(postId, missing.DisclosureReason));
        }
    }
}
