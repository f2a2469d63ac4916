namespace AmbassadorNet.Creators.Api.Proposals;

/// <summary>
/// A payout-profile proposal. The brand's finance sees the payee reference it must check; the creator's
/// own routes show it masked (<see cref="PayeeReferenceMask"/>). Null after the creator's erasure.
/// <see cref="ProposedByMemberId"/> names the staff member whose change is held for approval (null: the creator's own).
/// </summary>
public sealed record ProposalView(
    Guid Id, Guid CreatorId, ProposalStatus Status, PayoutMethod Method, string Currency, string? PayeeReference, TaxFormStatus? TaxFormStatus,
    DateTimeOffset ProposedAt, DateTimeOffset? DecidedAt, Guid? DecidedByKeyId, string? Note, Guid? ProposedByMemberId, int ApprovalsRequired)
{
    public static ProposalView ForStaff(PayoutProfileProposal p) => From(p, p.PayeeReference);

    public static ProposalView ForCreator(PayoutProfileProposal p) => From(p, PayeeReferenceMask.Masked(p.PayeeReference));

    private static ProposalView From(PayoutProfileProposal p, string? payeeReference) => new(
        p.Id, p.CreatorId, p.Status, p.Method, p.Currency, payeeReference, p.TaxFormStatus, p.ProposedAt, p.DecidedAt, p.DecidedByKeyId, p.Note,
        p.ProposedByMemberId, p.ApprovalsRequired);
}

public sealed record ProposalPage(IReadOnlyList<ProposalView> Items, string? NextCursor);

/// <summary>An optional note for the creator on why finance rejected the proposal (up to 500 characters).</summary>
public sealed record RejectProposalRequest(string? Note);
