using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Messaging.Parking;
using AmbassadorNet.Tracking.Codes;

namespace AmbassadorNet.Tracking.Consumers;

/// <summary>
/// CreatorEnrolled issues the enrollment's first link and promo code; it waits (parked) until the
/// campaign's terms are known, because the promo code carries the campaign's discount and the link
/// needs a destination. The enrollment's version makes duplicates and stale events harmless: an
/// enrollment seen once is never issued codes again. EnrollmentEnded keeps links redirecting but
/// stops their clicks attributing. Either releases the posts parked while the enrollment was unknown here.
/// </summary>
public sealed class EnrollmentHandler(TrackingDbContext db, CodeIssuer issuer, ParkingReleases releases, TimeProvider clock) :
    IMessageHandler<CreatorEnrolled>, IMessageHandler<EnrollmentEnded>
{
    public static string PrerequisiteOf(Guid enrollmentId) => $"enrollment:{enrollmentId}";

    public async Task<HandleResult> HandleAsync(CreatorEnrolled m, InboundMessage context, CancellationToken ct)
    {
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.CampaignId == m.Enrollment.CampaignId, ct);
        if (campaign is null)
        {
            return HandleResult.Park(CampaignReplicaHandler.PrerequisiteOf(m.Enrollment.CampaignId), "the campaign's terms have not arrived yet");
        }

        if (await LockedAsync(m.EnrollmentId, ct) is not null)
        {
            return HandleResult.Done; // already enrolled (a duplicate) or already ended (a newer version)
        }

        await CreatorErasedHandler.LockCreatorAsync(db, m.Enrollment.CreatorId, ct);
        var enrollment = new EnrollmentReplica
        {
            EnrollmentId = m.EnrollmentId, BrandId = m.BrandId, CampaignId = m.Enrollment.CampaignId, CreatorId = m.Enrollment.CreatorId,
            Handle = await CreatorErasedHandler.IsErasedAsync(db, m.Enrollment.CreatorId, ct) ? null : m.CreatorHandle,
            Status = "active", Version = m.Version, UpdatedAt = clock.GetUtcNow(),
        };
        db.Enrollments.Add(enrollment);
        issuer.IssueLink(enrollment);
        await issuer.IssuePromoCodeAsync(enrollment, campaign, null, null, ct);
        releases.Release(PrerequisiteOf(m.EnrollmentId));
        return HandleResult.Done;
    }

    public async Task<HandleResult> HandleAsync(EnrollmentEnded m, InboundMessage context, CancellationToken ct)
    {
        var enrollment = await LockedAsync(m.EnrollmentId, ct);
        if (enrollment is not null && enrollment.Version >= m.Version)
        {
            return HandleResult.Done;
        }

        if (enrollment is null)
        {
            // Ended before its CreatorEnrolled arrived (or an invitation declined): remember it so a late CreatorEnrolled issues nothing.
            enrollment = new EnrollmentReplica
            {
                EnrollmentId = m.EnrollmentId, BrandId = m.BrandId, CampaignId = m.Enrollment.CampaignId, CreatorId = m.Enrollment.CreatorId,
            };
            db.Enrollments.Add(enrollment);
        }

        enrollment.Status = m.Reason;
        enrollment.Version = m.Version;
        enrollment.UpdatedAt = clock.GetUtcNow();
        releases.Release(PrerequisiteOf(m.EnrollmentId));
        return HandleResult.Done;
    }

    private Task<EnrollmentReplica?> LockedAsync(Guid enrollmentId, CancellationToken ct) =>
        db.Enrollments.FromSqlInterpolated($"SELECT * FROM enrollment_replicas WHERE enrollment_id = {enrollmentId} FOR UPDATE").SingleOrDefaultAsync(ct);
}
