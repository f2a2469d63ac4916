using System.Security.Claims;
using AmbassadorNet.Campaigns.Domain.Exclusivity;
using AmbassadorNet.Persistence.Pagination;
using AmbassadorNet.Security;

namespace AmbassadorNet.Campaigns.Api.Exclusivity;

/// <summary>
/// Exclusivities creators hold with others: declared by the creator (<c>/api/me/exclusivities</c>) or
/// recorded by the brand's staff for them, listed for the brand, withdrawn by the creator. On the
/// creator's routes the request's scope narrows every row to the credential's creator
/// (<see cref="ICreatorOwned"/>), so another creator's id is simply not found.
/// </summary>
internal static class CreatorExclusivityEndpoints
{
    /// <summary>Declared exclusivities a creator may hold at once: enough for any real creator, a bound on a hostile one.</summary>
    public const int MaxPerCreator = 50;

    private static readonly KeysetOrder<CreatorExclusivity, DateTimeOffset> Newest = new("created", e => e.CreatedAt, e => e.Id, descending: true);

    public static async Task<Created<CreatorExclusivityView>> DeclareAsync(DeclareExclusivityRequest request, ClaimsPrincipal user, CampaignsDbContext db, TimeProvider clock, CancellationToken ct) =>
        await AddAsync(user.GetRequiredCreatorId(), request.Category, request.StartsOn, request.EndsOn, CreatorExclusivity.ByCreator, new FieldErrors(), user, db, clock, ct);

    public static async Task<Created<CreatorExclusivityView>> RecordAsync(RecordExclusivityRequest request, ClaimsPrincipal user, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(request.CreatorId is not null && request.CreatorId != Guid.Empty, "creatorId", "The creator who holds the exclusivity.");
        var creator = request.CreatorId is { } id ? await db.Creators.AsNoTracking().SingleOrDefaultAsync(c => c.CreatorId == id, ct) : null;
        errors.Check(request.CreatorId is null || creator is not null, "creatorId", "A creator of the brand known here (creators arrive from the creators service within moments).");
        return await AddAsync(request.CreatorId ?? Guid.Empty, request.Category, request.StartsOn, request.EndsOn, CreatorExclusivity.ByStaff, errors, user, db, clock, ct, creator);
    }

    /// <summary>The brand's list, by creator and by a day the exclusivity covers; newest first.</summary>
    public static Task<Ok<CreatorExclusivityPage>> ListAsync(Guid? creatorId, DateOnly? activeOn, string? cursor, int? limit, CampaignsDbContext db, CancellationToken ct) =>
        PageAsync(creatorId is { } c ? db.CreatorExclusivities.Where(e => e.CreatorId == c) : db.CreatorExclusivities, activeOn, cursor, limit, ct);

    /// <summary>The creator's own (the scope narrows the table to them).</summary>
    public static Task<Ok<CreatorExclusivityPage>> ListMineAsync(DateOnly? activeOn, string? cursor, int? limit, CampaignsDbContext db, CancellationToken ct) =>
        PageAsync(db.CreatorExclusivities, activeOn, cursor, limit, ct);

    public static async Task<Ok<CreatorExclusivityView>> GetAsync(Guid id, CampaignsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(CreatorExclusivityView.From(await LoadAsync(db, id, ct)));

    public static async Task<NoContent> WithdrawAsync(Guid id, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var exclusivity = await LoadAsync(db, id, ct);
        db.CreatorExclusivities.Remove(exclusivity);
        db.AddEvent(ExclusivityEventFactory.Withdrawn(exclusivity, clock.GetUtcNow()), clock);
        await db.SaveAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<CreatorExclusivityView>> AddAsync(
        Guid creatorId, string? category, DateOnly? startsOn, DateOnly? endsOn, string declaredBy, FieldErrors errors, ClaimsPrincipal user,
        CampaignsDbContext db, TimeProvider clock, CancellationToken ct, CreatorReplica? creator = null)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        category = category?.Trim();
        errors.Check(ProductCategory.IsValid(category), "category", ProductCategory.Rule);
        errors.Check(startsOn is not null, "startsOn", "The first day of the exclusivity (yyyy-MM-dd, UTC).");
        errors.Check(endsOn is not null, "endsOn", "The last day of the exclusivity (yyyy-MM-dd, UTC), included.");
        errors.Check(startsOn is null || endsOn is null || startsOn <= endsOn, "endsOn", "Not before startsOn.");
        errors.Check(endsOn is null || endsOn >= today, "endsOn", "An exclusivity that has already ended conflicts with nothing: today or later.");
        errors.ThrowIfAny();
        if (creator?.Status == CreatorReplica.Erased)
        {
            throw new ConflictException($"Creator {creatorId} was erased.");
        }

        if (await db.CreatorExclusivities.CountAsync(e => e.CreatorId == creatorId && e.EndsOn >= today, ct) >= MaxPerCreator)
        {
            throw new ConflictException($"Creator {creatorId} already holds {MaxPerCreator} exclusivities that have not ended; withdraw one first.");
        }

        var exclusivity = new CreatorExclusivity
        {
            Id = Ids.New(clock), BrandId = db.CurrentBrandId, CreatorId = creatorId, Category = category!, StartsOn = startsOn!.Value, EndsOn = endsOn!.Value,
            DeclaredBy = declaredBy, DeclaredByApiKeyId = user.GetApiKeyId(), CreatedAt = now,
        };
        db.CreatorExclusivities.Add(exclusivity);
        db.AddEvent(ExclusivityEventFactory.Declared(exclusivity), clock);
        await db.SaveAsync(ct);
        var path = declaredBy == CreatorExclusivity.ByCreator ? "/api/me/exclusivities" : "/api/exclusivities";
        return TypedResults.Created($"{path}/{exclusivity.Id}", CreatorExclusivityView.From(exclusivity));
    }

    private static async Task<CreatorExclusivity> LoadAsync(CampaignsDbContext db, Guid id, CancellationToken ct) =>
        await db.CreatorExclusivities.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException($"Exclusivity {id} does not exist.");

    private static async Task<Ok<CreatorExclusivityPage>> PageAsync(IQueryable<CreatorExclusivity> query, DateOnly? activeOn, string? cursor, int? limit, CancellationToken ct)
    {
        new FieldErrors().Check(limit is null or >= 1 and <= KeysetPagination.MaxLimit, "limit", $"Between 1 and {KeysetPagination.MaxLimit}.").ThrowIfAny();
        query = activeOn is { } day ? query.Where(e => e.StartsOn <= day && e.EndsOn >= day) : query;
        var page = await query.AsNoTracking().ToPageAsync(Newest, cursor, limit ?? 50, ct);
        return TypedResults.Ok(new CreatorExclusivityPage([.. page.Items.Select(CreatorExclusivityView.From)], page.NextCursor));
    }
}
