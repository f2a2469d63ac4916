using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.Security;
using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.ServiceDefaults.Approvals;

/// <summary>
/// A change a service holds until enough members approve it (issue #32): who proposed it, when, and how many
/// approvals it needs, which is what <see cref="ApprovalDesk"/> checks each approver against. The owning
/// service's entity derives from it and adds what is proposed.
/// </summary>
public abstract class ProposedChange : BrandOwnedEntity
{
    public DateTimeOffset ProposedAt { get; set; }

    /// <summary>The key that proposed it (a creator's credential or a staff member's key); the member's id for one signed in with the brand's identity provider.</summary>
    public Guid? ProposedByKeyId { get; set; }

    /// <summary>The member whose change is held; null when a creator proposed it.</summary>
    public Guid? ProposedByMemberId { get; set; }

    /// <summary>Who answers for the proposal (<see cref="InternalCaller.AnswerableParty"/>).</summary>
    public Guid? ProposedByParty { get; set; }

    /// <summary>How many members must approve it: what the brand's policy said when it was proposed.</summary>
    public int ApprovalsRequired { get; set; } = 1;

    public RecordedCaller Proposer() => new(ProposedByKeyId, ProposedByMemberId, ProposedByParty);

    /// <summary>Records <paramref name="proposer"/> as stored (microseconds), so the answer and a later read agree.</summary>
    public void ProposedBy(InternalCaller proposer, DateTimeOffset now, int approvalsRequired) =>
        (ProposedAt, ProposedByKeyId, ProposedByMemberId, ProposedByParty, ApprovalsRequired) =
        (Instants.ToMicroseconds(now), proposer.KeyId, proposer.MemberId, proposer.AnswerableParty, approvalsRequired);
}
