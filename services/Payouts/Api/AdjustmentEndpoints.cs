using AmbassadorNet.Security;
using System.Security.Claims;
using AmbassadorNet.Contracts.Payouts;
using AmbassadorNet.Payouts.Approvals;
using AmbassadorNet.Payouts.Ledger;
using AmbassadorNet.ServiceDefaults.Approvals;

namespace AmbassadorNet.Payouts.Api;

/// <summary>
/// Four eyes: one party requests an adjustment, other members approve it (as many as the brand's
/// approval policy asked when it was requested), and only then does it post (adjustment expense against the creator's available balance). An approval the rules of
/// <see cref="ApprovalRules"/> refuse is a 403 naming the rule: the member may approve adjustments, just not this one.
/// </summary>
internal static class AdjustmentEndpoints
{
    public sealed record AdjustmentRequest(Guid? CreatorId, string? Currency, decimal? Amount, string? Reason);

    public sealed record AdjustmentView(
        Guid Id, Guid CreatorId, string Currency, decimal Amount, string Reason, string Status,
        Guid RequestedByKeyId, Guid? RequestedByMemberId, DateTimeOffset RequestedAt,
        Guid? ApprovedByKeyId, Guid? ApprovedByMemberId, DateTimeOffset? ApprovedAt, Guid? TransactionId,
        int ApprovalsRequired, IReadOnlyList<ApprovalView> Approvals);

    public static async Task<Created<AdjustmentView>> RequestAsync(
        AdjustmentRequest request, ClaimsPrincipal user, PayoutsDbContext db, ApprovalPolicies policies, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Check(request.CreatorId is { } c && c != Guid.Empty, "creatorId", "The creator's id is required.")
            .Check(Currency.IsValid(request.Currency), "currency", "An upper-case ISO 4217 code such as USD is required.")
            .Check(request.Amount is { } a && a != 0m, "amount", "A non-zero amount is required: positive credits the creator, negative debits.")
            .CheckWithinMaxAmount(request.Amount, "amount")
            .Check(!string.IsNullOrWhiteSpace(request.Reason), "reason", "A reason is required.")
            .Check(request.Reason is null || request.Reason.Length <= 500, "reason", "At most 500 characters.");
        if (errors.IsEmpty)
        {
            errors.Check(Money.Of(request.Amount!.Value, request.Currency!).IsRounded, "amount", "The amount has more decimals than the currency's minor unit.");
        }

        errors.ThrowIfAny();
        var requester = user.GetCaller();
        var adjustment = new LedgerAdjustment
        {
            Id = Ids.New(clock), CreatorId = request.CreatorId!.Value, Currency = request.Currency!, Amount = request.Amount!.Value,
            Reason = request.Reason!.Trim(), RequestedByKeyId = user.RequiredKeyId(), RequestedByMemberId = requester.MemberId,
            RequestedByParty = requester.AnswerableParty, RequestedAt = clock.GetUtcNow(),
            ApprovalsRequired = (await policies.CurrentAsync(ct)).Adjustments.RequiredFor(request.Amount!.Value, request.Currency!),
        };
        db.Adjustments.Add(adjustment);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/ledger/adjustments/{adjustment.Id}", View(adjustment, []));
    }

    public static async Task<Ok<AdjustmentView>> ApproveAsync(
        Guid id, ClaimsPrincipal user, PayoutsDbContext db, Journal journal, ApprovalDesk approvals, TimeProvider clock, CancellationToken ct)
    {
        var approver = user.RequiredKeyId();
        var approvingCaller = user.GetCaller();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Locked: two approvals at once post once; the cause's unique key would refuse a second anyway.
        var adjustment = await db.Adjustments.FromSqlInterpolated($"SELECT * FROM ledger_adjustments WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Adjustment {id} does not exist.");
        if (adjustment.ApprovedByKeyId is not null)
        {
            throw new ConflictException($"Adjustment {id} was already approved and posted.");
        }

        if (!await approvals.ApproveAsync(ApprovalSubjects.Adjustment, id, adjustment.Requester(), adjustment.RequestedAt, adjustment.ApprovalsRequired, approvingCaller, ct))
        {
            // Not yet: it posts with the last approval the policy asks for.
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return TypedResults.Ok(View(adjustment, await approvals.ApprovalsOfAsync(ApprovalSubjects.Adjustment, id, ct)));
        }

        var now = clock.GetUtcNow();
        var amount = Money.Of(Math.Abs(adjustment.Amount), adjustment.Currency);
        var expense = await journal.AccountAsync(adjustment.Currency, AccountKind.AdjustmentExpense, null, ct);
        var available = await journal.AccountAsync(adjustment.Currency, AccountKind.CreatorAvailable, adjustment.CreatorId, ct);
        var cause = new Cause(CauseTypes.Adjustment, adjustment.Id, "", now, CausedBy.Key(approver),
            $"Adjustment requested by key {adjustment.RequestedByKeyId}: {adjustment.Reason}");
        var posted = adjustment.Amount > 0m ? journal.Move(amount, expense, available, cause) : journal.Move(amount, available, expense, cause);
        (adjustment.ApprovedByKeyId, adjustment.ApprovedByMemberId, adjustment.ApprovedAt, adjustment.TransactionId) = (approver, approvingCaller.MemberId, now, posted.Id);
        db.AddEvent(new AdjustmentPosted(
            adjustment.BrandId, now, posted.Id, adjustment.Id, adjustment.CreatorId, adjustment.Amount, adjustment.Currency,
            adjustment.Reason, adjustment.RequestedByKeyId, approver, adjustment.RequestedByMemberId, approvingCaller.MemberId), clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(View(adjustment, await approvals.ApprovalsOfAsync(ApprovalSubjects.Adjustment, id, ct)));
    }

    private static AdjustmentView View(LedgerAdjustment a, IReadOnlyList<Approval> approvals) => new(
        a.Id, a.CreatorId, a.Currency, a.Amount, a.Reason, a.TransactionId is null ? "awaiting_approval" : "posted",
        a.RequestedByKeyId, a.RequestedByMemberId, a.RequestedAt, a.ApprovedByKeyId, a.ApprovedByMemberId, a.ApprovedAt, a.TransactionId,
        a.ApprovalsRequired, [.. approvals.Select(ApprovalView.Of)]);
}
