using AmbassadorNet.Contracts.Tracking;
using AmbassadorNet.SharedKernel;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Tracking.Codes;

/// <summary>
/// Issues links and promo codes for an enrollment or one of its posts, each with its event in the same save. A code that
/// collides (another issue committed the same one first) fails the save on the unique index; the
/// caller retries (the inbox's retry for events, a loop for the API) and picks again.
/// </summary>
public sealed class CodeIssuer(TrackingDbContext db, TimeProvider clock, IOptions<TrackingOptions> options)
{
    /// <param name="postId">The post of the enrollment the link is for; null for the enrollment's own.</param>
    public TrackingLink IssueLink(EnrollmentReplica enrollment, Guid? postId = null)
    {
        var link = new TrackingLink
        {
            Id = Ids.New(clock), BrandId = enrollment.BrandId, Code = CodeGenerator.NewLinkCode(), EnrollmentId = enrollment.EnrollmentId,
            CampaignId = enrollment.CampaignId, CreatorId = enrollment.CreatorId, PostId = postId, Active = true, CreatedAt = clock.GetUtcNow(),
        };
        db.Links.Add(link);
        db.AddEvent(new TrackingLinkIssued(link.BrandId, link.CreatedAt, link.Id, link.Code, UrlOf(link.Code), link.EnrollmentId, link.CampaignId, link.CreatorId, postId), clock);
        return link;
    }

    /// <param name="wanted">A code the brand chose; null derives one from the creator's handle.</param>
    /// <param name="postId">The post of the enrollment the code is for; null for the enrollment's own.</param>
    public async Task<PromoCode> IssuePromoCodeAsync(EnrollmentReplica enrollment, CampaignReplica campaign, string? wanted, Guid? postId, CancellationToken ct)
    {
        string code;
        if (wanted is not null)
        {
            code = wanted;
        }
        else
        {
            var stem = CodeGenerator.PromoStem(enrollment.Handle);
            var normalizedStem = CodeGenerator.Normalize(stem);
            // Issuers deriving from the same stem take turns until their transaction ends, so the
            // next one sees the code just issued. Without this, creators whose handles share their
            // first twelve letters, enrolled at once, keep picking the same "first free" code, and
            // one enrollment can run out of retries and end in the error queue.
            var turn = $"{enrollment.BrandId}:{normalizedStem}";
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({turn}, 23))", ct);
            // Codes are unique in the brand, whoever holds them: the creator filter has no say here.
            var taken = await db.PromoCodes.IgnoreQueryFilters([BrandScopedDbContext.CreatorFilter]).Where(p => p.NormalizedCode.StartsWith(normalizedStem)).Select(p => p.NormalizedCode).ToListAsync(ct);
            code = CodeGenerator.FirstFreePromoCode(stem, taken.ToHashSet(StringComparer.Ordinal));
        }

        var promo = new PromoCode
        {
            Id = Ids.New(clock), BrandId = enrollment.BrandId, Code = code, NormalizedCode = CodeGenerator.Normalize(code), EnrollmentId = enrollment.EnrollmentId,
            CampaignId = enrollment.CampaignId, CreatorId = enrollment.CreatorId, PostId = postId, Active = true, CreatedAt = clock.GetUtcNow(),
        };
        db.PromoCodes.Add(promo);
        var discount = campaign.DiscountPercent is null && campaign.DiscountAmount is null ? null : new CustomerDiscount(campaign.DiscountPercent, campaign.DiscountAmount);
        db.AddEvent(new PromoCodeIssued(promo.BrandId, promo.CreatedAt, promo.Id, promo.Code, promo.EnrollmentId, promo.CampaignId, promo.CreatorId, discount, campaign.Currency, postId), clock);
        return promo;
    }

    public string UrlOf(string code) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/r/{code}";
}
