using AmbassadorNet.Contracts.Creators;

namespace AmbassadorNet.Payouts.Consumers;

/// <summary>
/// Keeps each creator's newest payout profile (by the creator's version: an older event arriving
/// late changes nothing). An erasure scrubs the payee reference here and on every payout line and
/// keeps a tombstone; amounts stay, the ledger being the brand's books.
/// </summary>
public sealed class PayoutProfileHandler(PayoutsDbContext db, TimeProvider clock) :
    IMessageHandler<CreatorPayoutProfileUpdated>, IMessageHandler<CreatorErased>
{
    public async Task<HandleResult> HandleAsync(CreatorPayoutProfileUpdated m, InboundMessage context, CancellationToken ct)
    {
        if (await CurrentAsync(m.CreatorId, m.Version, ct) is not { } profile)
        {
            return HandleResult.Done;
        }

        (profile.Method, profile.Currency, profile.PayeeReference, profile.TaxFormStatus, profile.IsComplete) =
            (m.Method, m.Currency, m.PayeeReference, m.TaxFormStatus, m.IsComplete);
        return HandleResult.Done;
    }

    public async Task<HandleResult> HandleAsync(CreatorErased m, InboundMessage context, CancellationToken ct)
    {
        if (await CurrentAsync(m.CreatorId, m.Version, ct) is { } profile)
        {
            (profile.PayeeReference, profile.IsComplete, profile.Erased) = ("", false, true);
        }

        await db.PayoutLines.Where(l => l.CreatorId == m.CreatorId).ExecuteUpdateAsync(s => s.SetProperty(l => l.PayeeReference, ""), ct);
        return HandleResult.Done;
    }

    /// <summary>The row to update to <paramref name="version"/>, locked; null when a newer version is already here.</summary>
    private async Task<CreatorPayoutProfile?> CurrentAsync(Guid creatorId, long version, CancellationToken ct)
    {
        var profile = await db.PayoutProfiles.FromSqlInterpolated($"SELECT * FROM creator_payout_profiles WHERE creator_id = {creatorId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (profile is not null && (profile.Version >= version || profile.Erased))
        {
            return null;
        }

        if (profile is null)
        {
            profile = new CreatorPayoutProfile { CreatorId = creatorId, Currency = "XXX" };
            db.PayoutProfiles.Add(profile);
        }

        (profile.Version, profile.UpdatedAt) = (version, clock.GetUtcNow());
        return profile;
    }
}
