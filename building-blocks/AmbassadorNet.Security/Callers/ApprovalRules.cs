namespace AmbassadorNet.Security;

/// <summary>Why an approval was refused: the rule's stable name (problem details' <c>rule</c>) and a sentence for people.</summary>
public sealed record ApprovalRefusal(string Rule, string Detail);

/// <summary>
/// Who may approve what another caller requested (issue #32): four eyes are two people, not two keys.
/// A brand admin who requests an adjustment, issues themself a second key (for a new "member" or for a
/// machine) and approves with it is refused, because that key was issued after the request and by the
/// party answerable for the request.
/// </summary>
public static class ApprovalRules
{
    public const string ApproverIsMember = "approver-is-a-member";
    public const string ApproverIsNotRequester = "approver-is-not-the-requester";
    public const string KeyIssuedBeforeRequest = "approver-key-issued-before-the-request";
    public const string KeyNotIssuedByRequester = "approver-key-not-issued-by-the-requester";
    public const string ApproverIsNotThePayee = "approver-is-not-the-payee";

    /// <summary>Null when <paramref name="approver"/> may approve what <paramref name="requester"/> requested at <paramref name="requestedAt"/>.</summary>
    public static ApprovalRefusal? Check(InternalCaller approver, RecordedCaller requester, DateTimeOffset requestedAt)
    {
        if (approver.Kind != CallerKinds.Member || approver.MemberId is not { } member)
        {
            return new(ApproverIsMember, "Only a member of the brand's staff can approve; machine keys, creator credentials and the operator cannot.");
        }

        if (member == requester.MemberId || member == requester.Party || (approver.KeyId is { } key && key == requester.KeyId))
        {
            return new(ApproverIsNotRequester, "The approver must be a different member from the one who requested it.");
        }

        // A member signed in by the brand's identity provider holds no key whose age could tell.
        if (approver.SignedInWith is null && approver.KeyId is not null && (approver.KeyIssuedAt is not { } issuedAt || issuedAt >= requestedAt))
        {
            return new(KeyIssuedBeforeRequest, "A key issued after the request cannot approve it.");
        }

        if (approver.KeyIssuedBy is { } issuer && (issuer == requester.Party || issuer == requester.MemberId || issuer == requester.KeyId))
        {
            return new(KeyNotIssuedByRequester, "A key issued by the requester, or by a key the requester answers for, cannot approve the request.");
        }

        return null;
    }

    /// <summary>
    /// Null when <paramref name="approver"/> may approve a change of <paramref name="payee"/>'s payee details:
    /// a member the brand linked to that creator (an employee ambassador) cannot approve where they are paid.
    /// Only as strong as the link: a member the brand did not link to their creator record is not caught.
    /// </summary>
    public static ApprovalRefusal? CheckPayee(InternalCaller approver, Guid payee) =>
        approver.MemberCreatorId == payee
            ? new(ApproverIsNotThePayee, "A member cannot approve a change of their own payee details (the brand linked this member to the creator).")
            : null;
}
