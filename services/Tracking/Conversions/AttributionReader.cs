namespace AmbassadorNet.Tracking.Conversions;

/// <summary>
/// Loads what the attribution rules look at, as the replicas stand when the order is posted. Every
/// query is brand-scoped, so a click id or promo code of another brand is simply not found.
/// </summary>
public sealed class AttributionReader(TrackingDbContext db)
{
    public async Task<AttributionDecision> DecideAsync(OrderPost order, CancellationToken ct)
    {
        var promo = order.PromoCode is null ? null : await PromoAsync(order.PromoCode, ct);
        var click = order.ClickId is null ? null : await ClickAsync(order.ClickId.Value, ct);
        return Attribution.Decide(new AttributionInput(order.OrderedAt, order.PromoCode is not null, promo, order.ClickId is not null, click));
    }

    // One round trip each: the code or click with its enrollment and campaign (left joins: a replica may be missing).
    private async Task<PromoCandidate?> PromoAsync(string code, CancellationToken ct)
    {
        var normalized = CodeGenerator.Normalize(code);
        var found = await (
            from p in db.PromoCodes.AsNoTracking().Where(p => p.NormalizedCode == normalized)
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
