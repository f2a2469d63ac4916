using AmbassadorNet.Commissions;
using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Messaging.Parking;

namespace AmbassadorNet.Payouts.Consumers;

/// <summary>
/// Keeps every version of each enrollment with its commission override, so the override in force at
/// an order's time is found whatever order the events arrive in. Each applied event releases the
/// conversions parked while the enrollment was unknown here.
/// </summary>
public sealed class EnrollmentHandler(PayoutsDbContext db, ParkingReleases releases, TimeProvider clock) : IMessageHandler<IEnrollmentStateChanged>
{
    public static string PrerequisiteOf(Guid enrollmentId) => $"enrollment:{enrollmentId}";

    public Task<HandleResult> HandleAsync(IEnrollmentStateChanged m, InboundMessage context, CancellationToken ct) => KeepAsync(m.Version, m.OccurredAt, m.Enrollment, ct);

    private async Task<HandleResult> KeepAsync(long version, DateTimeOffset occurredAt, EnrollmentState state, CancellationToken ct)
    {
        if (!await db.EnrollmentVersions.AnyAsync(e => e.EnrollmentId == state.EnrollmentId && e.Version == version, ct))
        {
            db.EnrollmentVersions.Add(new EnrollmentVersion
            {
                Id = Ids.New(clock), EnrollmentId = state.EnrollmentId, CampaignId = state.CampaignId, CreatorId = state.CreatorId,
                Version = version, Status = state.Status, CommissionOverride = state.CommissionOverride is { } plan ? WirePlans.FromWire(plan) : null,
                // A cleared override carries the time it stops; with none at all, the version speaks from its event's time.
                OverrideFrom = state.OverrideEffectiveFrom ?? occurredAt, RecordedAt = clock.GetUtcNow(),
            });
        }

        releases.Release(PrerequisiteOf(state.EnrollmentId));
        return HandleResult.Done;
    }
}
