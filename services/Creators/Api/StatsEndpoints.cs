namespace AmbassadorNet.Creators.Api;

internal static class StatsEndpoints
{
    public static async Task<Ok<CreatorView>> RecordAsync(Guid id, SocialStatsRequest request, CreatorsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        CreatorValidation.Stats(errors, request, now);
        errors.ThrowIfAny();

        var creator = await db.LoadAsync(id, cancellationToken);
        var recorded = creator.Record(CreatorValidation.ToReading(request, now), clock);
        db.Snapshots.Add(recorded.Snapshot);
        if (recorded.TierChange is { } change)
        {
            db.TierChanges.Add(change);
        }

        return await LifecycleEndpoints.SaveAsync(db, creator, CreatorEventFactory.StatsRecorded(creator, recorded), clock, cancellationToken);
    }

    public static async Task<Ok<List<TierChangeView>>> TierHistoryAsync(Guid id, CreatorsDbContext db, CancellationToken cancellationToken)
    {
        await db.LoadAsync(id, cancellationToken); // 404 for a creator of another brand, not an empty list
        return TypedResults.Ok(await db.TierChanges.Where(t => t.CreatorId == id).OrderBy(t => t.ChangedAt)
            .Select(t => new TierChangeView(t.FromTier, t.ToTier, t.Followers, t.ChangedAt)).ToListAsync(cancellationToken));
    }
}
