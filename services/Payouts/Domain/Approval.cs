using AmbassadorNet.Security;

namespace AmbassadorNet.Payouts.Domain;

/// <summary>One member's approval of an adjustment or a payout batch (<see cref="SubjectType"/>).</summary>
public sealed class Approval : BrandOwnedEntity
{
    public const string Adjustment = "adjustment";
    public const string PayoutBatch = "payout_batch";

    public string SubjectType { get; set; } = "";

    public Guid SubjectId { get; set; }

    public Guid MemberId { get; set; }

    public Guid? KeyId { get; set; }

    /// <summary>Who answers for the approval (<see cref="InternalCaller.AnswerableParty"/>): a later approver must not be their puppet.</summary>
    public Guid? Party { get; set; }

    public DateTimeOffset ApprovedAt { get; set; }

    public RecordedCaller Approver() => new(KeyId, MemberId, Party);
}

/// <summary>A brand's approval policy as stored: the JSON document of <see cref="ApprovalPolicy"/>.</summary>
public sealed class ApprovalPolicySetting : IBrandOwned
{
    public Guid BrandId { get; set; }

    public string Document { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedByKeyId { get; set; }

    public Guid? UpdatedByMemberId { get; set; }
}
