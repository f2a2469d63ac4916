using AmbassadorNet.Campaigns.Domain.Gifts;
using AmbassadorNet.Persistence.Pagination;

namespace AmbassadorNet.Campaigns.Api.Gifts;

/// <summary>Gifts: record (shipped and delivered at once if the dates are given), ship, deliver, cancel, read, list. Shipping and delivery each publish one event.</summary>
internal static class GiftEndpoints
{
    private static readonly KeysetOrder<Gift, DateTimeOffset> Newest = new("created", g => g.CreatedAt, g => g.Id, descending: true);

    public static async Task<Created<GiftView>> RecordAsync(RecordGiftRequest request, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new FieldErrors();
        errors.Check(request.EnrollmentId is not null && request.EnrollmentId != Guid.Empty, "enrollmentId", "The enrollment (creator in a campaign) the gift is for is required.");
        var product = request.Product?.Trim();
        errors.Check(product is { Length: > 0 and <= 200 }, "product", "The product's name, at most 200 characters.");
        var sku = request.Sku?.Trim();
        errors.Check(sku is { Length: > 0 and <= 64 }, "sku", "The product's SKU, at most 64 characters.");
        errors.Check(request.Quantity is >= 1 and <= 10_000, "quantity", "A whole number from 1 to 10,000.");
        errors.Check(request.DeliveredOn is null || request.ShippedOn is not null, "shippedOn", "A delivered gift was shipped first: give both days.");
        errors.Check(request.DeliveredOn is null || request.ShippedOn is null || request.DeliveredOn >= request.ShippedOn, "deliveredOn", "Not before it was shipped.");
        errors.Check(request.ShippedOn is null || request.ShippedOn <= today, "shippedOn", "Not in the future: record the gift, and ship it on the day.");
        errors.Check(request.DeliveredOn is null || request.DeliveredOn <= today, "deliveredOn", "Not in the future.");

        // Read before the refusal, so that the value's problems (they depend on the campaign's currency) come in the same answer.
        var enrollment = request.EnrollmentId is { } id && id != Guid.Empty ? await db.Enrollments.SingleOrDefaultAsync(e => e.Id == id, ct) : null;
        var currency = enrollment is null ? null : (await db.LoadCampaignAsync(enrollment.CampaignId, ct)).Terms.Currency;
        CheckValue(request, currency, errors);
        errors.Check(request.PostId is not { } postId || enrollment is null || await db.Posts.AnyAsync(p => p.Id == postId && p.EnrollmentId == enrollment.Id, ct),
            "postId", "A post of this enrollment, or left out.");
        errors.ThrowIfAny();
        if (enrollment is null)
        {
            throw new NotFoundException($"Enrollment {request.EnrollmentId} does not exist.");
        }

        if (enrollment.Status != EnrollmentStatus.Active)
        {
            throw new ConflictException($"Gifts go to creators of active enrollments; this one is {enrollment.Status.ToString().ToLowerInvariant()}.");
        }

        var gift = new Gift
        {
            Id = Ids.New(clock), BrandId = db.CurrentBrandId, CampaignId = enrollment.CampaignId, EnrollmentId = enrollment.Id, CreatorId = enrollment.CreatorId,
            PostId = request.PostId, Product = product!, Sku = sku!, Quantity = request.Quantity!.Value, UnitValue = request.UnitValue!.Value, Currency = currency!,
            Status = GiftStatus.Recorded, Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        db.Gifts.Add(gift);
        if (request.ShippedOn is { } shipped)
        {
            gift.Ship(shipped, now);
            db.AddEvent(GiftEventFactory.Shipped(gift), clock);
        }

        if (request.DeliveredOn is { } delivered)
        {
            gift.Deliver(delivered, now);
            db.AddEvent(GiftEventFactory.Delivered(gift), clock);
        }

        await db.SaveAsync(ct);
        return TypedResults.Created($"/api/gifts/{gift.Id}", GiftView.From(gift));
    }

    public static Task<Ok<GiftView>> ShipAsync(Guid id, GiftDateRequest? request, CampaignsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, clock, ct, (g, now) =>
        {
            g.Ship(DayOf(request, now), now);
            return GiftEventFactory.Shipped(g);
        });

    public static Task<Ok<GiftView>> DeliverAsync(Guid id, GiftDateRequest? request, CampaignsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, clock, ct, (g, now) =>
        {
            g.Deliver(DayOf(request, now), now);
            return GiftEventFactory.Delivered(g);
        });

    /// <summary>Only a gift not yet shipped can be cancelled; it never counted anywhere, so nothing is published.</summary>
    public static Task<Ok<GiftView>> CancelAsync(Guid id, CampaignsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, clock, ct, (g, now) =>
        {
            g.Cancel(now);
            return null;
        });

    public static async Task<Ok<GiftView>> GetAsync(Guid id, CampaignsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(GiftView.From(await LoadAsync(db, id, ct)));

    public static async Task<Ok<GiftPage>> ListAsync(
        Guid? campaignId, Guid? enrollmentId, Guid? creatorId, Guid? postId, string? status, string? cursor, int? limit, CampaignsDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var wanted = status is null ? null : DraftMerge.Parse<GiftStatus>(status, errors, "status");
        errors.Check(limit is null or >= 1 and <= KeysetPagination.MaxLimit, "limit", $"Between 1 and {KeysetPagination.MaxLimit}.");
        errors.ThrowIfAny();
        var query = db.Gifts.AsNoTracking();
        query = campaignId is { } c ? query.Where(g => g.CampaignId == c) : query;
        query = enrollmentId is { } e ? query.Where(g => g.EnrollmentId == e) : query;
        query = creatorId is { } k ? query.Where(g => g.CreatorId == k) : query;
        query = postId is { } p ? query.Where(g => g.PostId == p) : query;
        query = wanted is { } s ? query.Where(g => g.Status == s) : query;
        var page = await query.ToPageAsync(Newest, cursor, limit ?? 50, ct);
        return TypedResults.Ok(new GiftPage([.. page.Items.Select(GiftView.From)], page.NextCursor));
    }

    /// <summary>
    /// A positive unit value with no more decimals than the campaign's currency has, in that currency
    /// (<paramref name="campaignCurrency"/> null: the enrollment is unknown, and only the value's range is checked).
    /// </summary>
    private static void CheckValue(RecordGiftRequest request, string? campaignCurrency, FieldErrors errors)
    {
        var minor = AmbassadorNet.SharedKernel.Currency.TryParse(campaignCurrency, out var c) ? c.MinorUnits : 4;
        errors.Check(request.UnitValue is > 0 and <= 1_000_000 && decimal.Round(request.UnitValue.Value, minor) == request.UnitValue, "unitValue",
            $"What one unit is worth, above 0, with at most {minor} decimals.");
        errors.Check(campaignCurrency is null || request.Currency is null || request.Currency.Trim().Equals(campaignCurrency, StringComparison.OrdinalIgnoreCase), "currency",
            $"The campaign's currency, {campaignCurrency}: gifts count in its cost beside commissions, and money is never converted.");
    }

    /// <summary>The day asked for, default today; a day to come is refused (a gift is marked shipped or delivered when it is).</summary>
    private static DateOnly DayOf(GiftDateRequest? request, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return request?.On is not { } on ? today : on <= today ? on : throw new RequestValidationException("on", "Not in the future.");
    }

    private static async Task<Ok<GiftView>> ChangeAsync(Guid id, CampaignsDbContext db, TimeProvider clock, CancellationToken ct, Func<Gift, DateTimeOffset, IIntegrationEvent?> change)
    {
        var gift = await LoadAsync(db, id, ct);
        if (change(gift, clock.GetUtcNow()) is { } changed)
        {
            db.AddEvent(changed, clock);
        }

        await db.SaveAsync(ct);
        return TypedResults.Ok(GiftView.From(gift));
    }

    private static async Task<Gift> LoadAsync(CampaignsDbContext db, Guid id, CancellationToken ct) =>
        await db.Gifts.SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new NotFoundException($"Gift {id} does not exist.");
}
