using AmbassadorNet.Contracts.Tracking;
using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Tracking.Conversions;

/// <summary>What became of a posted refund.</summary>
public abstract record RefundOutcome
{
    public sealed record Recorded(ConversionRefund Refund, Conversion Conversion, bool Replayed) : RefundOutcome;

    /// <summary>The order is not (yet) known here: the shop should retry once the order is posted.</summary>
    public sealed record OrderNotFound : RefundOutcome;

    /// <summary>The refund id is taken by a refund with another amount, currency or time.</summary>
    public sealed record DifferentRefund(ConversionRefund Existing) : RefundOutcome;

    public sealed record CurrencyMismatch(string OrderCurrency) : RefundOutcome;

    /// <summary>This refund would take the refunded total above the order amount.</summary>
    public sealed record ExceedsOrder(decimal Refundable, string Currency) : RefundOutcome;
}

/// <summary>
/// Records a refund once per (brand, order, refund id). The order's row is locked for the whole
/// transaction, so refunds of one order are checked and added one after another: two refunds that
/// each fit but together exceed the order cannot both pass.
/// </summary>
public sealed class RefundRecorder(TrackingDbContext db, TimeProvider clock)
{
    public async Task<RefundOutcome> RecordAsync(RefundPost post, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var conversion = await db.Conversions
            .FromSqlInterpolated($"SELECT * FROM conversions WHERE brand_id = {db.CurrentBrandId} AND order_id = {post.OrderId} FOR UPDATE")
            .SingleOrDefaultAsync(ct);
        if (conversion is null)
        {
            return new RefundOutcome.OrderNotFound();
        }

        var existing = await db.Refunds.AsNoTracking().SingleOrDefaultAsync(r => r.OrderId == post.OrderId && r.RefundId == post.RefundId, ct);
        if (existing is not null)
        {
            var same = existing.Amount == post.Amount.Amount && existing.Currency == post.Amount.Currency.Code
                && (post.RefundedAt is null || post.RefundedAt == existing.RefundedAt);
            return same ? new RefundOutcome.Recorded(existing, conversion, Replayed: true) : new RefundOutcome.DifferentRefund(existing);
        }

        if (conversion.Currency != post.Amount.Currency.Code)
        {
            return new RefundOutcome.CurrencyMismatch(conversion.Currency);
        }

        var refundable = conversion.Amount - conversion.RefundedAmount;
        if (post.Amount.Amount > refundable)
        {
            return new RefundOutcome.ExceedsOrder(refundable, conversion.Currency);
        }

        var now = OrderRules.ToMicroseconds(clock.GetUtcNow());
        conversion.RefundedAmount += post.Amount.Amount;
        var refund = new ConversionRefund
        {
            Id = Ids.New(clock), BrandId = conversion.BrandId, ConversionId = conversion.Id, OrderId = conversion.OrderId, RefundId = post.RefundId,
            Amount = post.Amount.Amount, Currency = conversion.Currency, RefundedAt = post.RefundedAt ?? now, CumulativeRefunded = conversion.RefundedAmount,
            RecordedAt = now,
        };
        db.Refunds.Add(refund);
        db.AddEvent(EventOf(refund, conversion), clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new RefundOutcome.Recorded(refund, conversion, Replayed: false);
    }

    private static ConversionReversed EventOf(ConversionRefund r, Conversion c) => new(
        c.BrandId, r.RecordedAt, c.Id, c.OrderId, r.RefundId, new MoneyAmount(r.Amount, r.Currency), new MoneyAmount(r.CumulativeRefunded, r.Currency),
        new MoneyAmount(c.Amount, c.Currency), r.CumulativeRefunded == c.Amount, r.RefundedAt, c.EnrollmentId, c.CampaignId, c.CreatorId, c.PostId);
}
