namespace AmbassadorNet.Creators.Api;

/// <summary>Profile updates and the status lifecycle; each change is one version and one event.</summary>
internal static class LifecycleEndpoints
{
    public static async Task<Ok<CreatorView>> UpdateAsync(Guid id, UpdateCreatorRequest request, CreatorsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        CreatorValidation.DisplayName(errors, request.DisplayName, required: false);
        CreatorValidation.Email(errors, request.Email, required: false);
        CreatorValidation.Country(errors, request.Country, required: false);
        CreatorValidation.Niches(errors, request.Niches);
        errors.Check(request is not { DisplayName: null, Email: null, Country: null, Niches: null }, "body", "Give at least one field to change.");
        errors.ThrowIfAny();

        var creator = await db.LoadAsync(id, cancellationToken);
        creator.UpdateProfile(request.DisplayName?.Trim(), request.Email?.Trim(), request.Country is null ? null : CreatorValidation.CleanCountry(request.Country),
            request.Niches is null ? null : CreatorValidation.CleanNiches(request.Niches), clock.GetUtcNow());
        return await SaveAsync(db, creator, CreatorEventFactory.ProfileUpdated(creator), clock, cancellationToken);
    }

    public static Task<Ok<CreatorView>> ApproveAsync(Guid id, CreatorsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        MoveAsync(id, db, clock, cancellationToken, (c, now) => c.Approve(now), CreatorEventFactory.Approved);

    public static Task<Ok<CreatorView>> RejectAsync(Guid id, ReasonRequest? request, CreatorsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        MoveAsync(id, db, clock, cancellationToken, (c, now) => c.Reject(now), c => CreatorEventFactory.Rejected(c, Reason(request)));

    public static Task<Ok<CreatorView>> SuspendAsync(Guid id, ReasonRequest? request, CreatorsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        MoveAsync(id, db, clock, cancellationToken, (c, now) => c.Suspend(now), c => CreatorEventFactory.Suspended(c, Reason(request)));

    public static Task<Ok<CreatorView>> ReinstateAsync(Guid id, CreatorsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        MoveAsync(id, db, clock, cancellationToken, (c, now) => c.Reinstate(now), CreatorEventFactory.Reinstated);

    public static Task<Ok<CreatorView>> OffboardAsync(Guid id, CreatorsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        MoveAsync(id, db, clock, cancellationToken, (c, now) => c.Offboard(now), CreatorEventFactory.Offboarded);

    /// <summary>Erases the creator and, in the same save, the payee references of their proposals (status and times stay).</summary>
    public static async Task<Ok<CreatorView>> EraseAsync(Guid id, CreatorsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var creator = await db.LoadAsync(id, cancellationToken);
        creator.Erase(clock.GetUtcNow());
        foreach (var proposal in await db.Proposals.Where(p => p.CreatorId == id && p.PayeeReference != null).ToListAsync(cancellationToken))
        {
            proposal.PayeeReference = null;
        }

        return await SaveAsync(db, creator, CreatorEventFactory.Erased(creator), clock, cancellationToken);
    }

    private static async Task<Ok<CreatorView>> MoveAsync(
        Guid id, CreatorsDbContext db, TimeProvider clock, CancellationToken cancellationToken,
        Action<Creator, DateTimeOffset> move, Func<Creator, IIntegrationEvent> changed)
    {
        var creator = await db.LoadAsync(id, cancellationToken);
        move(creator, clock.GetUtcNow());
        return await SaveAsync(db, creator, changed(creator), clock, cancellationToken);
    }

    internal static async Task<Ok<CreatorView>> SaveAsync(CreatorsDbContext db, Creator creator, IIntegrationEvent changed, TimeProvider clock, CancellationToken cancellationToken)
    {
        db.AddEvent(changed, clock);
        await db.SaveAsync(cancellationToken);
        return TypedResults.Ok(CreatorView.From(creator));
    }

    private static string? Reason(ReasonRequest? request) =>
        string.IsNullOrWhiteSpace(request?.Reason) ? null : request.Reason.Trim()[..Math.Min(500, request.Reason.Trim().Length)];
}
