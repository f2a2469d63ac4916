using AmbassadorNet.Contracts.Creators;

namespace AmbassadorNet.Tracking.Consumers;

/// <summary>
/// Erasing a creator scrubs the handle tracking copied from CreatorEnrolled (it went into every
/// redirect's utm_content, so to the brand's shop). The update of each enrollment row notifies the
/// code directories, which reload its links without the handle. A tombstone keeps the erasure
/// final: an enrollment of the creator arriving later is kept without one. Promo codes already
/// issued keep their text (derived from the handle when the brand chose none): they are live codes
/// the creator's audience holds.
/// </summary>
public sealed class CreatorErasedHandler(TrackingDbContext db, TimeProvider clock) : IMessageHandler<CreatorErased>
{
    public async Task<HandleResult> HandleAsync(CreatorErased m, InboundMessage context, CancellationToken ct)
    {
        await LockCreatorAsync(db, m.CreatorId, ct);
        if (!await IsErasedAsync(db, m.CreatorId, ct))
        {
            db.ErasedCreators.Add(new ErasedCreator { CreatorId = m.CreatorId, BrandId = m.BrandId, ErasedAt = clock.GetUtcNow() });
        }

        await db.Enrollments.Where(e => e.CreatorId == m.CreatorId && e.Handle != null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Handle, (string?)null).SetProperty(e => e.UpdatedAt, clock.GetUtcNow()), ct);
        return HandleResult.Done;
    }

    /// <summary>
    /// Whether the creator was erased. Call it after <see cref="LockCreatorAsync"/>: an enrollment
    /// stored concurrently with the erasure would otherwise miss both the tombstone and the scrub.
    /// </summary>
    public static Task<bool> IsErasedAsync(TrackingDbContext db, Guid creatorId, CancellationToken ct) =>
        db.ErasedCreators.AnyAsync(e => e.CreatorId == creatorId, ct);

    /// <summary>Serializes an erasure and an enrollment of one creator until the handler's transaction ends.</summary>
    public static Task LockCreatorAsync(TrackingDbContext db, Guid creatorId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({creatorId.ToString()}, 0))", ct);
}
