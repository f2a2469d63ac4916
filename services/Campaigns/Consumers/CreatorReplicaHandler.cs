using AmbassadorNet.Contracts.Creators;

namespace AmbassadorNet.Campaigns.Consumers;

/// <summary>
/// Keeps the creator replica from every creator event that carries a status. Events carry the
/// creator's version: one not newer than the replica is ignored, so duplicates and reordered
/// deliveries end in the same state. A creator who is no longer approved (suspended, offboarded,
/// erased) loses their invitations and active enrollments, one EnrollmentEnded each; an erased one
/// also loses the URLs and captions of their content and the texts of their agreements.
/// </summary>
public sealed class CreatorReplicaHandler(CampaignsDbContext db, TimeProvider clock) : IMessageHandler<ICreatorStateChanged>
{

    public Task<HandleResult> HandleAsync(ICreatorStateChanged m, InboundMessage context, CancellationToken ct) =>
        ApplyAsync(m.CreatorId, m.Version, m.OccurredAt, m.Creator, ct);

    /// <param name="state">The creator's full state; null for an erasure, which carries none.</param>
    private async Task<HandleResult> ApplyAsync(Guid creatorId, long version, DateTimeOffset occurredAt, CreatorState? state, CancellationToken cancellationToken)
    {
        // Locked so an invitation committing concurrently is either seen below or refused (it checks the replica's version).
        var replica = await db.Creators
            .FromSqlInterpolated($"SELECT * FROM creator_replicas WHERE creator_id = {creatorId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (replica is not null && replica.Version >= version)
        {
            return HandleResult.Done; // stale: a newer state already arrived
        }

        if (replica is null)
        {
            replica = new CreatorReplica { CreatorId = creatorId, BrandId = db.CurrentBrandId };
            db.Creators.Add(replica);
        }

        if (state is null)
        {
            replica.Erase(version, occurredAt);
            await EraseContentAsync(creatorId, cancellationToken);
        }
        else
        {
            replica.Apply(state, version, occurredAt);
        }

        if (!replica.IsApproved)
        {
            await EndEnrollmentsAsync(creatorId, $"creator_{replica.Status}", cancellationToken);
        }

        return HandleResult.Done;
    }

    /// <summary>
    /// The creator's posts lose URL and caption, their deliverables the submitted URL, their agreements the
    /// text: all name the person. Their declared exclusivities (what they promised others) are deleted.
    /// </summary>
    private async Task EraseContentAsync(Guid creatorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var post in await db.Posts.Where(p => p.CreatorId == creatorId && !p.Erased).ToListAsync(cancellationToken))
        {
            post.Erase(now);
        }

        foreach (var deliverable in await db.Deliverables.Where(d => d.CreatorId == creatorId && d.SubmittedUrl != null).ToListAsync(cancellationToken))
        {
            deliverable.EraseContent(now);
        }

        // What they signed names them; that they signed (version, hash, times, credential) stays as evidence.
        foreach (var agreement in await db.Agreements.Where(a => a.CreatorId == creatorId && !a.Erased).ToListAsync(cancellationToken))
        {
            agreement.Erase(now);
        }

        db.CreatorExclusivities.RemoveRange(await db.CreatorExclusivities.Where(e => e.CreatorId == creatorId).ToListAsync(cancellationToken));
    }

    private async Task EndEnrollmentsAsync(Guid creatorId, string reason, CancellationToken cancellationToken)
    {
        var current = await db.Enrollments
            .Where(e => e.CreatorId == creatorId && (e.Status == EnrollmentStatus.Invited || e.Status == EnrollmentStatus.Active))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var enrollment in current)
        {
            enrollment.EndBecause(reason, now);
            db.AddEvent(EnrollmentEventFactory.Ended(enrollment), clock);
        }
    }
}
