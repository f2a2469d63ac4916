using AmbassadorNet.Tracking.Resolution;

namespace AmbassadorNet.Tracking.Conversions;

/// <summary>An attribution and the brand generation it rests on: null when everything was read from the tables.</summary>
public sealed record AttributionRead(AttributionDecision Decision, long? Generation);

/// <summary>
/// Loads what the attribution rules look at, as the replicas stand when the order is posted. A
/// promo code comes from <see cref="AttributionDirectory"/> when memory holds it, its enrollment
/// and its campaign, else from the tables; a click always comes from the tables (clicks are not
/// held in memory). Every query is brand-scoped, so a click id or promo code of another brand is
/// simply not found.
/// </summary>
public sealed class AttributionReader(TrackingDbContext db, AttributionDirectory directory)
{
    /// <param name="fromTables">True after memory's answer was refused as stale: read everything from the tables.</param>
    public async Task<AttributionRead> DecideAsync(OrderPost order, bool fromTables, CancellationToken ct)
    {
        PromoCandidate? promo = null;
        long? generation = null;
        if (order.PromoCode is { } code)
        {
            var normalized = CodeGenerator.Normalize(code);
            if (!fromTables && directory.FindPromo(db.CurrentBrandId, normalized) is { } held)
            {
                (promo, generation) = held;
            }
            else
            {
                promo = await PromoAsync(normalized, ct);
            }
        }

        var click = order.ClickId is null ? null : await ClickAsync(order.ClickId.Value, ct);
        var decision = Attribution.Decide(new AttributionInput(order.OrderedAt, order.PromoCode is not null, promo, order.ClickId is not null, click));
        return new AttributionRead(decision, generation);
    }

    // One round trip each: the code or click with its enrollment and campaign (left joins: a replica may be missing).
    // A shop posts orders, never a creator: the creator filter is left out so this statement stays as it was.
    private async Task<PromoCandidate?> PromoAsync(string normalized, CancellationToken ct)
    {
        var found = await (
            from p in db.PromoCodes.IgnoreQueryFilters([BrandScopedDbContext.CreatorFilter]).AsNoTracking().Where(p => p.NormalizedCode == normalized)
            from e in db.Enrollments.AsNoTracking().Where(e => e.EnrollmentId == p.EnrollmentId).DefaultIfEmpty()
            from c in db.Campaigns.AsNoTracking().Where(c => c.CampaignId == p.CampaignId).DefaultIfEmpty()
            select new { p, e, c }).SingleOrDefaultAsync(ct);
        return found is null ? null : new PromoCandidate(found.p, found.e, found.c);
    }

    private async Task<ClickCandidate?> ClickAsync(Guid clickId, CancellationToken ct)
    {
        var found = await (
            from k in db.Clicks.AsNoTracking().Where(k => k.Id == clickId)
            from e in db.Enrollments.AsNoTracking().Where(e => e.EnrollmentId == k.EnrollmentId).DefaultIfEmpty()
            from c in db.Campaigns.AsNoTracking().Where(c => c.CampaignId == k.CampaignId).DefaultIfEmpty()
            select new { k, e, c }).SingleOrDefaultAsync(ct);
        return found is null ? null : new ClickCandidate(found.k, found.e, found.c);
    }
}
