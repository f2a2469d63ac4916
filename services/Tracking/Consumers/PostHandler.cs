using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Tracking.Codes;

namespace AmbassadorNet.Tracking.Consumers;

/// <summary>
/// PostRecorded issues the post its own link and, when asked, its own promo code, so orders through
/// them count for the post. It waits (parked) until the post's enrollment is known here: queues do
/// not keep order, and the post's codes belong to that enrollment. A post seen once is never issued
/// codes again (a duplicate finds its replica); a post of an enrollment that has ended gets none,
/// since they would attribute nothing.
/// </summary>
public sealed class PostHandler(TrackingDbContext db, CodeIssuer issuer, TimeProvider clock) : IMessageHandler<PostRecorded>
{
    public async Task<HandleResult> HandleAsync(PostRecorded m, InboundMessage context, CancellationToken ct)
    {
        var post = m.Post;
        var enrollment = await db.Enrollments.AsNoTracking().SingleOrDefaultAsync(e => e.EnrollmentId == post.EnrollmentId, ct);
        if (enrollment is null)
        {
            return HandleResult.Park(EnrollmentHandler.PrerequisiteOf(post.EnrollmentId), "the post's enrollment has not arrived yet");
        }

        // The primary key settles a concurrent duplicate: the loser's insert fails and its retry ends here.
        if (await db.Posts.AnyAsync(p => p.PostId == m.PostId, ct))
        {
            return HandleResult.Done;
        }

        db.Posts.Add(new PostReplica
        {
            PostId = m.PostId, BrandId = m.BrandId, EnrollmentId = post.EnrollmentId, CampaignId = post.CampaignId, CreatorId = post.CreatorId,
            Version = m.Version, UpdatedAt = clock.GetUtcNow(),
        });
        if (!enrollment.IsActive)
        {
            return HandleResult.Done;
        }

        if (m.TrackingLinkRequested)
        {
            issuer.IssueLink(enrollment, m.PostId);
        }

        if (m.PromoCodeRequested)
        {
            var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.CampaignId == enrollment.CampaignId, ct);
            await issuer.IssuePromoCodeAsync(enrollment, campaign, null, m.PostId, ct);
        }

        return HandleResult.Done;
    }
}
