using AmbassadorNet.Contracts.Tracking;
using AmbassadorNet.SharedKernel;
using AmbassadorNet.Tracking.Resolution;

namespace AmbassadorNet.Tracking.Conversions;

/// <summary>What became of a posted order.</summary>
public abstract record PostOutcome
{
    /// <summary>Stored now, or (<paramref name="Replayed"/>) stored earlier by the same request.</summary>
    public sealed record Recorded(Conversion Conversion, bool Replayed) : PostOutcome;

    /// <summary>The order id is taken by an order with other details.</summary>
    public sealed record DifferentOrder(Conversion Existing) : PostOutcome;

    /// <summary>The attributing campaign pays in another currency; nothing was stored.</summary>
    public sealed record CurrencyMismatch(string CampaignCurrency, Guid CampaignId) : PostOutcome;
}

/// <summary>
/// Records an order once per brand and order id, whatever the concurrency: the row goes in with
/// INSERT ... ON CONFLICT DO NOTHING on the unique (brand, order id) index, and a request that
/// loses (a retry, or a concurrent twin) reads the winner and compares. The monthly rank, the row
/// and the event commit together.
/// </summary>
/// <remarks>
/// A first post is the common case, so it is not preceded by a lookup: attribution reads the promo
/// code from memory (or a click from the tables), one statement checks memory was current, takes
/// the rank and inserts the row, the outbox row follows, then the commit: three round trips with a
/// promo code (docs/benchmarks.md, "Profiling T4"). A stale answer from memory is taken again
/// from the tables (decision 0019).
/// </remarks>
public sealed class ConversionRecorder(TrackingDbContext db, AttributionReader reader, AttributionDirectory directory, TimeProvider clock)
{
    public async Task<PostOutcome> RecordAsync(OrderPost order, CancellationToken ct) =>
        await TryRecordAsync(order, fromTables: false, ct)
        ?? await TryRecordAsync(order, fromTables: true, ct)
        ?? throw new InvalidOperationException("An attribution read from the tables cannot be stale.");

    /// <summary>Null when the attribution came from memory and must be taken again from the tables.</summary>
    private async Task<PostOutcome?> TryRecordAsync(OrderPost order, bool fromTables, CancellationToken ct)
    {
        var (decision, generation) = await reader.DecideAsync(order, fromTables, ct);
        if (decision.Campaign is { } campaign && campaign.Currency != order.Amount.Currency.Code)
        {
            // A refusal is final for the shop, so it never rests on memory alone.
            if (generation is not null)
            {
                return null;
            }

            // A retry of an order stored before its campaign's currency changed is still a replay.
            return await FindAsync(order.OrderId, ct) is { } stored
                ? Compare(stored, order)
                : new PostOutcome.CurrencyMismatch(campaign.Currency, campaign.CampaignId);
        }

        var conversion = NewConversion(order, decision);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var insert = await ConversionSql.TryInsertAsync(db, conversion, generation, ct);
        Count(order, generation, insert.Outcome);
        switch (insert.Outcome)
        {
            case ConversionSql.Outcome.StaleAttribution:
                await transaction.RollbackAsync(ct); // gives the rank back
                return null;
            case ConversionSql.Outcome.OrderIdTaken:
                await transaction.RollbackAsync(ct);
                // ON CONFLICT waited for the other insert to commit, so the winner is visible now.
                return Compare(await FindAsync(order.OrderId, ct) ?? throw new InvalidOperationException($"Order {order.OrderId} conflicted but is not stored."), order);
        }

        conversion.RankInMonth = insert.RankInMonth;
        db.AddEvent(EventOf(conversion), clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new PostOutcome.Recorded(conversion, Replayed: false);
    }

    private void Count(OrderPost order, long? generation, ConversionSql.Outcome outcome)
    {
        if (generation is not null)
        {
            directory.Counted(outcome == ConversionSql.Outcome.StaleAttribution ? AttributionSource.Stale : AttributionSource.Memory);
        }
        else if (order.PromoCode is not null)
        {
            directory.Counted(AttributionSource.Tables);
        }
    }

    private Task<Conversion?> FindAsync(string orderId, CancellationToken ct) =>
        db.Conversions.AsNoTracking().SingleOrDefaultAsync(c => c.OrderId == orderId, ct);

    private static PostOutcome Compare(Conversion existing, OrderPost order) =>
        existing.Amount == order.Amount.Amount && existing.Currency == order.Amount.Currency.Code && existing.OrderedAt == order.OrderedAt
        && existing.ClickId == order.ClickId && existing.PromoCode == order.PromoCode && existing.CustomerId == order.CustomerId
            ? new PostOutcome.Recorded(existing, Replayed: true)
            : new PostOutcome.DifferentOrder(existing);

    private Conversion NewConversion(OrderPost order, AttributionDecision decision) => new()
    {
        Id = Ids.New(clock), BrandId = db.CurrentBrandId, OrderId = order.OrderId, Amount = order.Amount.Amount, Currency = order.Amount.Currency.Code,
        OrderedAt = order.OrderedAt, ClickId = order.ClickId, PromoCode = order.PromoCode, CustomerId = order.CustomerId,
        Status = decision.Attributed ? "attributed" : "unattributed", Method = decision.Method, Reason = decision.Reason,
        EnrollmentId = decision.Enrollment?.EnrollmentId, CampaignId = decision.Campaign?.CampaignId, CreatorId = decision.Enrollment?.CreatorId, PostId = decision.PostId,
        ClickedAt = decision.ClickedAt, Flags = [.. decision.Flags], RefundedAmount = 0m, RecordedAt = OrderRules.ToMicroseconds(clock.GetUtcNow()),
    };

    private static IIntegrationEvent EventOf(Conversion c)
    {
        var amount = new MoneyAmount(c.Amount, c.Currency);
        return c.Method is null
            ? new ConversionUnattributed(c.BrandId, c.RecordedAt, c.Id, c.OrderId, amount, c.OrderedAt, c.Reason!, c.PromoCode, c.ClickId, c.Flags)
            : new ConversionAttributed(c.BrandId, c.RecordedAt, c.Id, c.OrderId, c.EnrollmentId!.Value, c.CampaignId!.Value, c.CreatorId!.Value, amount,
                c.Method, c.PromoCode, c.ClickId, c.ClickedAt, c.OrderedAt, c.RankInMonth!.Value, c.CustomerId, c.Flags, c.PostId);
    }
}
