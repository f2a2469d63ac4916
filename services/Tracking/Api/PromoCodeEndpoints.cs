using AmbassadorNet.Contracts.Tracking;
using AmbassadorNet.Persistence.Pagination;
using AmbassadorNet.Tracking.Codes;
using AmbassadorNet.Tracking.Consumers;
using Npgsql;

namespace AmbassadorNet.Tracking.Api;

/// <summary>The brand's promo codes: list, issue another (derived or chosen), deactivate.</summary>
internal static class PromoCodeEndpoints
{
    private static readonly KeysetOrder<PromoCode, DateTimeOffset> Newest = new("created", p => p.CreatedAt, p => p.Id, descending: true);

    public static async Task<Ok<PromoCodePage>> ListAsync(Guid? enrollmentId, Guid? campaignId, Guid? postId, string? cursor, int? limit, TrackingDbContext db, CancellationToken ct)
    {
        new FieldErrors().Check(limit is null or >= 1 and <= KeysetPagination.MaxLimit, "limit", $"Between 1 and {KeysetPagination.MaxLimit}.").ThrowIfAny();
        var query = db.PromoCodes.AsNoTracking();
        query = enrollmentId is { } e ? query.Where(p => p.EnrollmentId == e) : query;
        query = campaignId is { } c ? query.Where(p => p.CampaignId == c) : query;
        query = postId is { } post ? query.Where(p => p.PostId == post) : query;
        var page = await query.ToPageAsync(Newest, cursor, limit ?? 50, ct);
        return TypedResults.Ok(new PromoCodePage([.. page.Items.Select(PromoCodeView.From)], page.NextCursor));
    }

    public static async Task<Created<PromoCodeView>> CreateAsync(CreatePromoCodeRequest request, TrackingDbContext db, CodeIssuer issuer, CancellationToken ct)
    {
        new FieldErrors().Check(request.Code is null || CodeGenerator.IsValidPromoCode(request.Code), "code", "3 to 32 letters and digits.").ThrowIfAny();
        var (enrollment, post) = await LinkEndpoints.TargetAsync(db, request.EnrollmentId, request.PostId, "promo code", ct);
        var campaign = await db.Campaigns.SingleAsync(c => c.CampaignId == enrollment.CampaignId, ct);
        for (var attempt = 1; ; attempt++)
        {
            // The issuer's advisory lock on the code's stem lasts until this transaction ends, so
            // issuers of one stem take turns here as they do in the enrollment consumer.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var promo = await issuer.IssuePromoCodeAsync(enrollment, campaign, request.Code, post, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return TypedResults.Created($"/api/promo-codes/{promo.Id}", PromoCodeView.From(promo));
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                if (request.Code is not null)
                {
                    throw new ConflictException($"The brand already has the promo code {request.Code} (codes are compared ignoring case).");
                }

                if (attempt >= 3)
                {
                    throw new ConflictException("Another promo code was issued for this handle at the same moment; retry.");
                }

                db.ChangeTracker.Clear(); // a concurrent issue took the suffix we picked: pick again
            }
        }
    }

    public static async Task<Ok<PromoCodeView>> DeactivateAsync(Guid id, TrackingDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var promo = await db.PromoCodes.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException($"Promo code {id} does not exist.");
        if (promo.Deactivate(clock.GetUtcNow()))
        {
            db.AddEvent(new PromoCodeDeactivated(promo.BrandId, promo.DeactivatedAt!.Value, promo.Id, promo.Code, promo.EnrollmentId), clock);
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(PromoCodeView.From(promo));
    }
}
