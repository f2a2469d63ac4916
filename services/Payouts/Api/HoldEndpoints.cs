using System.Security.Claims;

namespace AmbassadorNet.Payouts.Api;

/// <summary>A hold stops a creator's payouts (payout runs skip them) until lifted; the ledger keeps accruing.</summary>
internal static class HoldEndpoints
{
    public sealed record HoldRequest(string? Reason);

    public sealed record HoldView(Guid Id, Guid CreatorId, string Reason, DateTimeOffset PlacedAt, Guid? PlacedByKeyId, DateTimeOffset? LiftedAt, Guid? LiftedByKeyId);

    public static async Task<Created<HoldView>> PlaceAsync(Guid creatorId, HoldRequest request, ClaimsPrincipal user, PayoutsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        new FieldErrors()
            .Check(!string.IsNullOrWhiteSpace(request.Reason), "reason", "A reason is required.")
            .Check(request.Reason is null || request.Reason.Length <= 500, "reason", "At most 500 characters.")
            .ThrowIfAny();
        var keyId = user.RequiredKeyId();
        if (!await KnowsCreatorAsync(db, creatorId, ct))
        {
            // A mistyped id would otherwise hold nobody, and the creator meant would be paid.
            throw new NotFoundException($"Payouts knows no creator {creatorId} in this brand: none enrolled in a campaign, with a payout profile or with ledger entries.");
        }

        if (await ActiveAsync(db, creatorId, ct) is not null)
        {
            throw new ConflictException($"Creator {creatorId}'s payouts are already on hold; lift that hold first.");
        }

        var hold = new PayoutHold { Id = Ids.New(clock), CreatorId = creatorId, Reason = request.Reason!.Trim(), PlacedAt = clock.GetUtcNow(), PlacedByKeyId = keyId };
        db.Holds.Add(hold);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/payouts/holds/{creatorId}", View(hold));
    }

    public static async Task<Ok<HoldView>> LiftAsync(Guid creatorId, ClaimsPrincipal user, PayoutsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var keyId = user.RequiredKeyId();
        var hold = await ActiveAsync(db, creatorId, ct) ?? throw new NotFoundException($"Creator {creatorId}'s payouts are not on hold.");
        hold.LiftedAt = clock.GetUtcNow();
        hold.LiftedByKeyId = keyId;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(hold));
    }

    /// <summary>Whether the creator is enrolled in one of the brand's campaigns, has a payout profile or has ledger accounts here.</summary>
    private static async Task<bool> KnowsCreatorAsync(PayoutsDbContext db, Guid creatorId, CancellationToken ct) =>
        await db.EnrollmentVersions.AnyAsync(e => e.CreatorId == creatorId, ct)
        || await db.PayoutProfiles.AnyAsync(p => p.CreatorId == creatorId, ct)
        || await db.Accounts.AnyAsync(a => a.CreatorId == creatorId, ct);

    public static Task<PayoutHold?> ActiveAsync(PayoutsDbContext db, Guid creatorId, CancellationToken ct) =>
        db.Holds.Where(h => h.CreatorId == creatorId && h.LiftedAt == null).OrderByDescending(h => h.PlacedAt).FirstOrDefaultAsync(ct);

    public static HoldView View(PayoutHold h) => new(h.Id, h.CreatorId, h.Reason, h.PlacedAt, h.PlacedByKeyId, h.LiftedAt, h.LiftedByKeyId);
}
