using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.Security;

namespace AmbassadorNet.ServiceDefaults.Approvals;

/// <summary>One member's approval of something a service holds until enough members approved it (issue #32).</summary>
public sealed class Approval : BrandOwnedEntity
{
    /// <summary>What is approved, in the owning service's words (an adjustment, a payout batch, a payee change).</summary>
    public string SubjectType { get; set; } = "";

    public Guid SubjectId { get; set; }

    public Guid MemberId { get; set; }

    public Guid? KeyId { get; set; }

    /// <summary>Who answers for the approval (<see cref="InternalCaller.AnswerableParty"/>): a later approver must not be their puppet.</summary>
    public Guid? Party { get; set; }

    public DateTimeOffset ApprovedAt { get; set; }

    public RecordedCaller Approver() => new(KeyId, MemberId, Party);
}
