using AmbassadorNet.Campaigns.Api.Exclusivity;

namespace AmbassadorNet.Campaigns.Api;

/// <summary>
/// Invites every approved creator matching a filter, for programs of hundreds: one query over the
/// replica, one transaction with an enrollment and a CreatorInvited per creator. Creators already
/// in the campaign are skipped, so repeating the request invites only newcomers. Creators whose
/// exclusivity conflicts with the campaign are skipped and counted when the brand refuses such
/// invitations, and invited with the conflicts flagged when it flags them.
/// </summary>
internal static class BulkInviteEndpoint
{
    public const int MaxInvites = 5_000;
    private static readonly string[] Tiers = ["emerging", "nano", "micro", "macro", "mega"];

    public static async Task<Ok<BulkInviteResult>> InviteAsync(Guid id, BulkInviteRequest request, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(request.Tier is null || Tiers.Contains(request.Tier.Trim().ToLowerInvariant()), "tier", $"One of: {string.Join(", ", Tiers)}.");
        errors.Check(request.MinEngagement is null or >= 0, "minEngagement", "A rate of zero or more, as a fraction (0.05 = 5%).");
        errors.Check(request.Limit is null or >= 1 and <= MaxInvites, "limit", $"Between 1 and {MaxInvites}.");
        errors.Check(request.Country is null || request.Country.Trim().Length == 2, "country", "An ISO 3166-1 alpha-2 code such as \"US\".");
        errors.ThrowIfAny();
        var campaign = await EnrollmentEndpoints.OpenCampaignAsync(db, id, ct);

        var matching = Filter(db.Creators.Where(c => c.Status == CreatorReplica.Approved), request);
        var matched = await matching.CountAsync(ct);
        var enrolled = db.Enrollments.Where(e => e.CampaignId == campaign.Id).Select(e => e.CreatorId);
        var already = await matching.CountAsync(c => enrolled.Contains(c.CreatorId), ct);
        var creators = await matching.Where(c => !enrolled.Contains(c.CreatorId))
            .OrderBy(c => c.CreatorId).Take(request.Limit ?? MaxInvites).ToListAsync(ct);

        var now = clock.GetUtcNow();
        var (conflicts, refuse) = await ExclusivityGate.CheckAsync(db, campaign, [.. creators.Select(c => c.CreatorId)], now, ct);
        var refused = refuse ? creators.RemoveAll(c => conflicts.ContainsKey(c.CreatorId)) : 0;
        foreach (var creator in creators)
        {
            var enrollment = Enrollment.Invite(Ids.New(clock), db.CurrentBrandId, campaign.Id, creator.CreatorId, now, conflicts.GetValueOrDefault(creator.CreatorId));
            db.Enrollments.Add(enrollment);
            db.AddEvent(EnrollmentEventFactory.Invited(enrollment, creator.Handle), clock);
            db.Entry(creator).Property(c => c.Version).IsModified = true; // as in a single invitation: refused if a creator event races it
        }

        await db.SaveAsync(ct);
        return TypedResults.Ok(new BulkInviteResult(matched, creators.Count, already, refused));
    }

    private static IQueryable<CreatorReplica> Filter(IQueryable<CreatorReplica> query, BulkInviteRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.Niche))
        {
            var niche = request.Niche.Trim().ToLowerInvariant();
            query = query.Where(c => c.Niches.Contains(niche));
        }

        if (!string.IsNullOrWhiteSpace(request.Tier))
        {
            var tier = request.Tier.Trim().ToLowerInvariant();
            query = query.Where(c => c.Tier == tier);
        }

        if (!string.IsNullOrWhiteSpace(request.Country))
        {
            var country = request.Country.Trim().ToUpperInvariant();
            query = query.Where(c => c.Country == country);
        }

        if (request.MinEngagement is { } min)
        {
            query = query.Where(c => c.EngagementRate >= min);
        }

        return query;
    }
}
