using AmbassadorNet.Commissions;
using AmbassadorNet.Contracts.Payouts;
using AmbassadorNet.Contracts.Tracking;
using AmbassadorNet.Messaging.Parking;
using AmbassadorNet.Payouts.Ledger;

namespace AmbassadorNet.Payouts.Consumers;

/// <summary>
/// Books the commission of an attributed conversion as pending (commission expense to the creator's
/// pending account) by the terms and override in force at the order's time, with the rank tracking
/// assigned. Waits (parked) for the campaign's terms and the enrollment. A conversion accrues once
/// whatever the number of copies: the accrual's key is the conversion id.
/// </summary>
public sealed class ConversionAttributedHandler(PayoutsDbContext db, TermsLookup versions, Journal journal, ParkingReleases releases, TimeProvider clock)
    : IMessageHandler<ConversionAttributed>, IPrepareBatch<ConversionAttributed>
{
    /// <summary>The conversions of the prepared batch, and those of them accrued (before, or earlier in this batch).</summary>
    private readonly HashSet<Guid> _prepared = [];
    private readonly HashSet<Guid> _accrued = [];

    public static string PrerequisiteOf(Guid conversionId) => $"conversion:{conversionId}";

    /// <summary>Which of the batch's conversions are accrued, their terms, enrollments and creators' accounts: four queries for the batch.</summary>
    public async Task PrepareAsync(IReadOnlyList<ConversionAttributed> batch, CancellationToken ct)
    {
        var conversions = batch.Select(m => m.ConversionId).Distinct().ToList();
        _accrued.UnionWith(await db.Accruals.Where(a => conversions.Contains(a.ConversionId)).Select(a => a.ConversionId).ToListAsync(ct));
        _prepared.UnionWith(conversions);
        await versions.PreloadAsync(batch.Select(m => m.CampaignId), batch.Select(m => m.EnrollmentId), ct);
        await journal.PreloadAsync([.. batch.Select(m => m.CreatorId).Distinct()], ct);
    }

    public async Task<HandleResult> HandleAsync(ConversionAttributed m, InboundMessage context, CancellationToken ct)
    {
        if (await AccruedAsync(m.ConversionId, ct))
        {
            return HandleResult.Done; // another copy (another message id) already accrued it
        }

        var terms = await versions.TermsInForceAsync(m.CampaignId, m.OrderedAt, ct);
        if (terms is null)
        {
            return HandleResult.Park(CampaignTermsHandler.PrerequisiteOf(m.CampaignId), "the campaign's terms have not arrived yet");
        }

        var (enrollmentKnown, commissionOverride) = await versions.OverrideInForceAsync(m.EnrollmentId, m.OrderedAt, ct);
        if (!enrollmentKnown)
        {
            return HandleResult.Park(EnrollmentHandler.PrerequisiteOf(m.EnrollmentId), "the enrollment has not arrived yet");
        }

        if (m.Amount.Currency != terms.Currency)
        {
            throw new InvalidOperationException($"Conversion {m.ConversionId} is in {m.Amount.Currency}, its campaign in {terms.Currency}.");
        }

        var plan = commissionOverride ?? terms.CommissionPlan;
        var orderAmount = Money.Of(m.Amount.Amount, m.Amount.Currency);
        var commission = CommissionRule.Commission(plan, orderAmount, m.RankInMonth);
        var accrual = new CommissionAccrual
        {
            ConversionId = m.ConversionId, OrderId = m.OrderId, EnrollmentId = m.EnrollmentId, CampaignId = m.CampaignId,
            CreatorId = m.CreatorId, PostId = m.PostId, Currency = terms.Currency, OrderAmount = orderAmount.Amount, Commission = commission.Amount,
            PlanKind = plan.Kind, FromOverride = commissionOverride is not null, FlatCommission = CommissionRule.IsFlat(plan, m.RankInMonth),
            TermsVersion = terms.TermsVersion, RankInMonth = m.RankInMonth, OrderedAt = m.OrderedAt,
            ReleasableAt = m.OrderedAt.AddDays(terms.HoldingPeriodDays), AccruedAt = clock.GetUtcNow(),
        };
        db.Accruals.Add(accrual);
        _accrued.Add(m.ConversionId);
        releases.Release(PrerequisiteOf(m.ConversionId)); // refunds that arrived first
        if (commission.IsZero)
        {
            return HandleResult.Done; // a 0 % plan earns nothing: no transaction, no event
        }

        var expense = await journal.AccountAsync(terms.Currency, AccountKind.CommissionExpense, null, ct);
        var pending = await journal.AccountAsync(terms.Currency, AccountKind.CreatorPending, m.CreatorId, ct);
        var posted = journal.Move(commission, expense, pending, new Cause(
            CauseTypes.Accrual, m.ConversionId, "", m.OccurredAt, CausedBy.Message(context.MessageId),
            $"Commission on order {m.OrderId} ({WirePlans.KindName(plan.Kind)}{(accrual.FromOverride ? ", override" : "")}, rank {m.RankInMonth}, terms v{terms.TermsVersion})"));
        accrual.TransactionId = posted.Id;
        db.AddEvent(new CommissionAccrued(
            m.BrandId, m.OccurredAt, posted.Id, m.ConversionId, m.OrderId, m.EnrollmentId, m.CampaignId, m.CreatorId,
            new MoneyAmount(commission.Amount, terms.Currency), m.Amount, m.OrderedAt, accrual.ReleasableAt, WirePlans.KindName(plan.Kind), accrual.FromOverride,
            accrual.PostId), clock);
        return HandleResult.Done;
    }

    private async Task<bool> AccruedAsync(Guid conversionId, CancellationToken ct) =>
        _accrued.Contains(conversionId) || (!_prepared.Contains(conversionId) && await db.Accruals.AnyAsync(a => a.ConversionId == conversionId, ct));
}
