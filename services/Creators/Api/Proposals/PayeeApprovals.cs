using System.Security.Claims;
using AmbassadorNet.Contracts.Creators;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Approvals;

namespace AmbassadorNet.Creators.Api.Proposals;

/// <summary>
/// Payee changes held for approval (issue #32): a proposal, the creator's own or a staff member's change the
/// brand's approval policy holds, waits for as many members' confirmations as it needs; each confirming
/// member passes <see cref="ApprovalRules"/> against the proposer and the members who confirmed before.
/// </summary>
internal static class PayeeApprovals
{
    public const string Subject = "payee_change";

    /// <summary>How many members approve a staff change of payee details: the brand's policy (none when it never set one).</summary>
    public static async Task<int> RequiredForStaffAsync(CreatorsDbContext db, CancellationToken ct) =>
        (await db.ApprovalPolicies.AsNoTracking().SingleOrDefaultAsync(ct))?.Approvals ?? 0;

    /// <summary>
    /// How many members approve <paramref name="user"/>'s change of <paramref name="creatorId"/>'s payee details: the
    /// brand's policy, and at least one when the member is that creator, since making it alone is approving it oneself.
    /// </summary>
    public static async Task<int> RequiredForStaffAsync(CreatorsDbContext db, Guid creatorId, ClaimsPrincipal user, CancellationToken ct)
    {
        var required = await RequiredForStaffAsync(db, ct);
        return user.GetCaller().MemberCreatorId == creatorId ? Math.Max(1, required) : required;
    }

    /// <summary>Supersedes a pending proposal of the creator and writes this one, with its event, in one transaction.</summary>
    public static async Task<PayoutProfileProposal> ProposeAsync(
        CreatorsDbContext db, Creator creator, PayoutProfileEndpoint.Change change, ClaimsPrincipal user, int approvalsRequired, TimeProvider clock, CancellationToken ct)
    {
        var now = Instants.ToMicroseconds(clock.GetUtcNow()); // as stored, so the answer and a later read agree
        // The pending one is superseded before the new one is written (the unique index allows one pending per creator).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var pending = await db.Proposals.SingleOrDefaultAsync(p => p.CreatorId == creator.Id && p.Status == ProposalStatus.Pending, ct);
        if (pending is not null)
        {
            pending.Supersede(now);
            await db.SaveAsync(ct);
        }

        var proposal = new PayoutProfileProposal
        {
            Id = Ids.New(clock), BrandId = creator.BrandId, CreatorId = creator.Id, Status = ProposalStatus.Pending, Method = change.Method,
            Currency = change.Currency, PayeeReference = change.PayeeReference, TaxFormStatus = change.TaxFormStatus, Version = 1,
        };
        proposal.ProposedBy(user.GetCaller(), now, approvalsRequired);
        db.Proposals.Add(proposal);
        db.AddEvent(new CreatorPayoutProfileChangeProposed(
            proposal.BrandId, now, proposal.Id, proposal.CreatorId, SnakeCaseEnums.Name(proposal.Method), proposal.Currency,
            PayeeReferenceMask.Last4(proposal.PayeeReference), proposal.TaxFormStatus is { } t ? SnakeCaseEnums.Name(t) : null, pending?.Id), clock);
        await db.SaveAsync(ct);
        await transaction.CommitAsync(ct);
        return proposal;
    }

    /// <summary>
    /// Records the confirming member's approval; true when it was the last one the proposal needs. A member linked to
    /// the creator whose payee details these are never approves them (<see cref="ApprovalRules.CheckPayee"/>).
    /// </summary>
    public static Task<bool> ApproveAsync(ApprovalDesk desk, PayoutProfileProposal proposal, ClaimsPrincipal user, CancellationToken ct)
    {
        var approver = user.GetCaller();
        ApprovalRefusedException.ThrowIf(ApprovalRules.CheckPayee(approver, proposal.CreatorId));
        return desk.ApproveAsync(Subject, proposal, approver, ct);
    }
}
